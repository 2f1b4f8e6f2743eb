# Wrong: forgets that the leftover '?' moves must cancel out in pairs (n must be even).
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        s = data[2 + 2 * i]
        dx = s.count(b"R") - s.count(b"L")
        dy = s.count(b"U") - s.count(b"D")
        out.append("YES" if abs(dx) + abs(dy) <= s.count(b"?") else "NO")
    print("\n".join(out))


main()

import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        n = int(data[1 + 2 * i])
        s = data[2 + 2 * i]
        dx = s.count(b"R") - s.count(b"L")
        dy = s.count(b"U") - s.count(b"D")
        unknown = s.count(b"?")
        # Each '?' can cancel one unit of displacement; n even <=> the leftover moves pair up.
        ok = n % 2 == 0 and abs(dx) + abs(dy) <= unknown
        out.append("YES" if ok else "NO")
    sys.stdout.write("\n".join(out) + "\n")


main()

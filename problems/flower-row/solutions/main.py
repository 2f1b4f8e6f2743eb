import sys
from collections import Counter


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    freq = Counter(a)
    if max(freq.values()) > (n + 1) // 2:
        print(-1)
        return
    # List the colours grouped, the most frequent group first, and deal them into the even
    # positions 0, 2, 4, ... and then the odd positions 1, 3, 5, ...: two equal colours could
    # only meet if a group were longer than ceil(n / 2), or if a group other than the first
    # wrapped around onto both ends - impossible because it is not longer than the first.
    order = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    seq = [colour for colour, count in order for _ in range(count)]
    positions = list(range(0, n, 2)) + list(range(1, n, 2))
    row = [0] * n
    for p, colour in zip(positions, seq):
        row[p] = colour
    sys.stdout.write(" ".join(map(str, row)) + "\n")


main()

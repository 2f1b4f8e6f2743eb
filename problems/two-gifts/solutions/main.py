import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, x = int(data[0]), int(data[1])
    seen = {}  # price -> index of an earlier item with that price
    for j in range(n):
        p = int(data[2 + j])
        i = seen.get(x - p)
        if i is not None:
            print(i + 1, j + 1)
            return
        seen.setdefault(p, j)
    print(-1)


main()

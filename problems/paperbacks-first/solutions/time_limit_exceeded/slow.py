# Too slow: tries every split point and recounts both sides, O(n^2) per shelf.
import sys


def main() -> None:
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:t + 1]:
        n = len(s)
        best = n
        for k in range(n + 1):
            cost = 0
            for i in range(k):
                if s[i] == "1":
                    cost += 1
            for i in range(k, n):
                if s[i] == "0":
                    cost += 1
            best = min(best, cost)
        out.append(best)
    print("\n".join(map(str, out)))


main()

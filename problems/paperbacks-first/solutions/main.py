import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for s in data[1:t + 1]:
        # Keep the paperbacks of some prefix and the hardcovers of the rest. For the split
        # after position k the cost is ones(prefix) + zeros(suffix); scan k left to right.
        cost = s.count(b"0")  # k = 0: remove every paperback
        best = cost
        for c in s:
            if c == 48:  # '0' moves into the prefix, where it is kept
                cost -= 1
                if cost < best:
                    best = cost
            else:  # '1' moves into the prefix, where it must be removed
                cost += 1
        out.append(best)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()

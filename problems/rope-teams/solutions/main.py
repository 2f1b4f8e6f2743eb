import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    s = sorted(map(int, data[2:2 + n]))
    # Two pointers: the strongest free climber takes the weakest partner that is enough.
    # If even the strongest free climber is not enough for the weakest one, the weakest
    # one can never be in a team and stays in the base camp.
    lo, hi, teams = 0, n - 1, 0
    while lo < hi:
        if s[lo] + s[hi] >= k:
            teams += 1
            hi -= 1
        lo += 1
    print(teams)


main()

# Wrong: subtracts the count up to l instead of l - 1, so beat l itself is never counted.
import sys
from math import gcd


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        l, r, a, b = (int(x) for x in data[1 + 4 * i:5 + 4 * i])
        lcm = a // gcd(a, b) * b
        f = lambda x: x // a + x // b - 2 * (x // lcm)  # noqa: E731
        out.append(f(r) - f(l))
    print("\n".join(map(str, out)))


main()

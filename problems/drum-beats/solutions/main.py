import sys
from math import gcd


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    pos = 1
    for _ in range(t):
        l, r, a, b = (int(x) for x in data[pos:pos + 4])
        pos += 4
        lcm = a // gcd(a, b) * b

        def exactly_one(x: int) -> int:
            # multiples of a or b up to x, minus twice the multiples of both
            return x // a + x // b - 2 * (x // lcm)

        out.append(exactly_one(r) - exactly_one(l - 1))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()

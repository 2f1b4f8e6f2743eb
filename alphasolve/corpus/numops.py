"""Operations on one, two or three integers: divisibility, digits, primes, gcd, powers."""

from __future__ import annotations

import math

from .snippets import Bug, Op, register

POS = frozenset({"pos"})


def NumOp(*args: object, **kw: object) -> Op:
    """An Op on positive numbers unless it says otherwise (n = 0 or negatives would need
    their own wording and make Python's and C++'s division disagree)."""
    kw.setdefault("signs", POS)
    return Op(*args, **kw)  # type: ignore[arg-type]


INT = ("int", "multi_int")
PAIR = ("num_pair", "multi_pair")
HUGE = (10**12, 10**18)


def _digits(n: int, skip_lead: bool = False) -> str:
    ans = 0
    while n > (9 if skip_lead else 0):
        ans, n = ans + n % 10, n // 10
    return str(ans)


def _count_digit(n: int, d: int, skip_lead: bool = False) -> str:
    ans = 0
    while n > (9 if skip_lead else 0):
        ans, n = ans + (n % 10 == d), n // 10
    return str(ans)


def _prime(n: int, no_edge: bool = False) -> str:
    if n < 2:
        return "YES" if no_edge else "NO"
    return "YES" if all(n % i for i in range(2, math.isqrt(n) + 1)) else "NO"


def _divisors(n: int, double: bool = False) -> str:
    ans = 0
    for i in range(1, math.isqrt(n) + 1):
        if n % i == 0:
            ans += 2 if double or i * i != n else 1
    return str(ans)


def _pow_count(n: int, k: int, floor_log: bool = False) -> str:
    ans = 0
    while (n >= k) if floor_log else (n % k == 0):
        n, ans = n // k, ans + 1
    return str(ans)


DIGITS_PY = "ans = 0\nwhile n > 0:\n    ans += n % 10\n    n //= 10\nprint(ans)"
DIGITS_CPP = 'long long ans = 0;\nwhile (n > 0) {\n    ans += n % 10;\n    n /= 10;\n}\ncout << ans << "\\n";'
CNT_PY = "ans = 0\nwhile n > 0:\n    if n % 10 == $K:\n        ans += 1\n    n //= 10\nprint(ans)"
CNT_CPP = 'int ans = 0;\nwhile (n > 0) {\n    if (n % 10 == $K) ans++;\n    n /= 10;\n}\ncout << ans << "\\n";'
PRIME_PY = 'ok = n > 1\ni = 2\nwhile i * i <= n:\n    if n % i == 0:\n        ok = False\n        break\n    i += 1\nprint("YES" if ok else "NO")'
PRIME_CPP = (
    "bool ok = n > 1;\nfor (long long i = 2; i * i <= n; i++) {\n    if (n % i == 0) {\n        ok = false;\n"
    '        break;\n    }\n}\ncout << (ok ? "YES" : "NO") << "\\n";'
)
DIV_PY = "ans = 0\ni = 1\nwhile i * i <= n:\n    if n % i == 0:\n        ans += 1 if i * i == n else 2\n    i += 1\nprint(ans)"
DIV_CPP = (
    "int ans = 0;\nfor (long long i = 1; i * i <= n; i++) {\n    if (n % i == 0) ans += i * i == n ? 1 : 2;\n}\n"
    'cout << ans << "\\n";'
)
POW_PY = "ans = 0\nwhile n % $K == 0:\n    n //= $K\n    ans += 1\nprint(ans)"
POW_CPP = 'int ans = 0;\nwhile (n % $K == 0) {\n    n /= $K;\n    ans++;\n}\ncout << ans << "\\n";'
POWMOD_CPP = (
    "long long r = 1 % $K, x = a % $K;\nwhile (b > 0) {\n    if (b & 1) r = r * x % $K;\n    x = x * x % $K;\n"
    '    b >>= 1;\n}\ncout << r << "\\n";'
)
LOOP_SUM = "ans = 0\nfor i in range(@):\n    ans += i\nprint(ans)"

register(
    NumOp(
        "n_multiples",
        "num",
        INT,
        "print(n // $K)",
        'cout << n / $K << "\\n";',
        lambda v, k: str(v[0] // k[0]),
        (
            "How many integers from 1 to n are divisible by $K?",
            "Count the multiples of $K among 1, 2, ..., n.",
        ),
        "int",
        ("math",),
        800,
        (
            Bug(
                "off_by_one",
                lambda v, k: str((v[0] - 1) // k[0]),
                (("n // $K", "(n - 1) // $K"),),
                (("n / $K", "(n - 1) / $K"),),
            ),
            Bug(
                "quadratic",
                None,
                "print(sum(1 for i in range(1, n + 1) if i % $K == 0))",
                "",
                ("python3",),
            ),
        ),
        kinds=("div",),
        vmax=HUGE,
    ),
    NumOp(
        "n_digit_sum",
        "num",
        INT,
        DIGITS_PY,
        DIGITS_CPP,
        lambda v, k: _digits(v[0]),
        ("Find the sum of the decimal digits of n.", "Print the sum of all digits of n."),
        "int",
        ("math", "implementation"),
        800,
        (
            Bug(
                "off_by_one",
                lambda v, k: _digits(v[0], True),
                (("while n > 0", "while n > 9"),),
                (("while (n > 0)", "while (n > 9)"),),
            ),
        ),
        vmax=(100, 10**9, 10**18),
    ),
    NumOp(
        "n_count_digit",
        "num",
        INT,
        CNT_PY,
        CNT_CPP,
        lambda v, k: _count_digit(v[0], k[0]),
        (
            "How many times does the digit $K occur in the decimal notation of n?",
            "Count the digits of n that are equal to $K.",
        ),
        "int",
        ("implementation",),
        800,
        (
            Bug(
                "off_by_one",
                lambda v, k: _count_digit(v[0], k[0], True),
                (("while n > 0", "while n > 9"),),
                (("while (n > 0)", "while (n > 9)"),),
            ),
        ),
        kinds=("digit",),
        vmax=(10**6, 10**9, 10**18),
    ),
    NumOp(
        "n_prime",
        "num",
        ("int",),
        PRIME_PY,
        PRIME_CPP,
        lambda v, k: _prime(v[0]),
        (
            "Determine whether n is a prime number.",
            "Check whether n is prime, that is, has exactly two positive divisors.",
        ),
        "yesno",
        ("math", "number theory"),
        900,
        (
            Bug(
                "missed_edge",
                lambda v, k: _prime(v[0], True),
                (("ok = n > 1", "ok = True"),),
                (("bool ok = n > 1;", "bool ok = true;"),),
            ),
            Bug("quadratic", None, (("while i * i <= n:", "while i < n:"),), "", ("python3",)),
        ),
        vmax=(10**12,),
    ),
    NumOp(
        "n_divisors",
        "num",
        ("int",),
        DIV_PY,
        DIV_CPP,
        lambda v, k: _divisors(v[0]),
        (
            "Find the number of positive divisors of n.",
            "How many positive integers divide n without remainder?",
        ),
        "int",
        ("math", "number theory"),
        1000,
        (
            Bug(
                "missed_edge",
                lambda v, k: _divisors(v[0], True),
                (("ans += 1 if i * i == n else 2", "ans += 2"),),
                (("ans += i * i == n ? 1 : 2;", "ans += 2;"),),
            ),
            Bug(
                "quadratic",
                None,
                "ans = 0\nfor i in range(1, n + 1):\n    if n % i == 0:\n        ans += 1\nprint(ans)",
                "",
                ("python3",),
            ),
        ),
        vmax=(10**12,),
    ),
    NumOp(
        "n_tri",
        "num",
        INT,
        "print(n * (n + 1) // 2)",
        'cout << n * (n + 1) / 2 << "\\n";',
        lambda v, k: str(v[0] * (v[0] + 1) // 2),
        ("Find the sum 1 + 2 + ... + n.", "Compute the sum of all integers from 1 to n."),
        "int",
        ("math",),
        800,
        (
            Bug(
                "off_by_one",
                lambda v, k: str(v[0] * (v[0] - 1) // 2),
                (("n * (n + 1)", "n * (n - 1)"),),
                (("n * (n + 1)", "n * (n - 1)"),),
            ),
            Bug("quadratic", None, LOOP_SUM.replace("@", "1, n + 1"), "", ("python3",)),
        ),
        vmax=(10**9,),
    ),
    NumOp(
        "n_div_check",
        "num",
        INT,
        'print("YES" if n % $K == 0 else "NO")',
        'cout << (n % $K == 0 ? "YES" : "NO") << "\\n";',
        lambda v, k: "YES" if v[0] % k[0] == 0 else "NO",
        ("Determine whether n is divisible by $K.", "Check whether n is a multiple of $K."),
        "yesno",
        ("math",),
        800,
        (),
        kinds=("div",),
        vmax=(1000, 10**9, 10**18),
    ),
    NumOp(
        "n_pow_count",
        "num",
        INT,
        POW_PY,
        POW_CPP,
        lambda v, k: _pow_count(v[0], k[0]),
        (
            "Find the largest integer e such that $K^e divides n.",
            "How many times can n be divided by $K without remainder, one division after another?",
        ),
        "int",
        ("math", "number theory"),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda v, k: _pow_count(v[0], k[0], True),
                (("while n % $K == 0", "while n >= $K"),),
                (("while (n % $K == 0)", "while (n >= $K)"),),
            ),
        ),
        kinds=("div",),
        vmax=(10**9, 10**18),
    ),
    NumOp(
        "n_range_mult",
        "num",
        PAIR,
        "print(b // $K - (a - 1) // $K)",
        'cout << b / $K - (a - 1) / $K << "\\n";',
        lambda v, k: str(v[1] // k[0] - (v[0] - 1) // k[0]),
        (
            "How many integers x with a <= x <= b are divisible by $K?",
            "Count the multiples of $K in the segment from a to b inclusive.",
        ),
        "int",
        ("math",),
        1000,
        (
            Bug(
                "off_by_one",
                lambda v, k: str(v[1] // k[0] - v[0] // k[0]),
                (("(a - 1) // $K", "a // $K"),),
                (("(a - 1) / $K", "a / $K"),),
            ),
            Bug(
                "quadratic",
                None,
                "print(sum(1 for x in range(a, b + 1) if x % $K == 0))",
                "",
                ("python3",),
            ),
        ),
        kinds=("div",),
        vmax=HUGE,
        notes={"sorted": True},
    ),
    NumOp(
        "n_gcd",
        "num",
        PAIR,
        "print(gcd(a, b))",
        'cout << gcd(a, b) << "\\n";',
        lambda v, k: str(math.gcd(v[0], v[1])),
        (
            "Find the greatest common divisor of a and b.",
            "Print the largest integer that divides both a and b.",
        ),
        "int",
        ("math", "number theory"),
        900,
        (
            Bug(
                "quadratic",
                None,
                "while a != b:\n    if a > b:\n        a -= b\n    else:\n        b -= a\nprint(a)",
                "",
                ("python3",),
            ),
        ),
        vmax=HUGE,
        py_helpers=("from math import gcd",),
    ),
    NumOp(
        "n_lcm",
        "num",
        PAIR,
        "print(a // gcd(a, b) * b)",
        'cout << a / gcd(a, b) * b << "\\n";',
        lambda v, k: str(v[0] * v[1] // math.gcd(v[0], v[1])),
        (
            "Find the least common multiple of a and b.",
            "Print the smallest positive integer divisible by both a and b.",
        ),
        "int",
        ("math", "number theory"),
        1000,
        (
            Bug(
                "missed_edge",
                lambda v, k: str(v[0] * v[1]),
                (("a // gcd(a, b) * b", "a * b"),),
                (("a / gcd(a, b) * b", "a * b"),),
            ),
        ),
        vmax=(100, 10**4, 10**9),
        py_helpers=("from math import gcd",),
    ),
    NumOp(
        "n_powmod",
        "num",
        ("num_pair",),
        "print(pow(a, b, $K))",
        POWMOD_CPP,
        lambda v, k: str(pow(v[0], v[1], k[0])),
        ("Find a to the power b modulo $K.", "Print the remainder of a^b divided by $K."),
        "int",
        ("math",),
        1200,
        (
            Bug(
                "quadratic",
                None,
                "r = 1\nfor _ in range(b):\n    r = r * a % $K\nprint(r)",
                "",
                ("python3",),
            ),
        ),
        kinds=("mod",),
        vmax=(10**18,),
        notes={"ranges": ((1, 10**9), (0, 10**18))},
    ),
    NumOp(
        "n_make_div",
        "num",
        PAIR,
        "print((b - a % b) % b)",
        'cout << (b - a % b) % b << "\\n";',
        lambda v, k: str((v[1] - v[0] % v[1]) % v[1]),
        (
            "In one move you may increase a by 1. Find the minimum number of moves after which a is divisible by b.",
            "What is the smallest x >= 0 such that a + x is a multiple of b?",
        ),
        "int",
        ("math",),
        900,
        (
            Bug(
                "missed_edge",
                lambda v, k: str(v[1] - v[0] % v[1]),
                (("(b - a % b) % b", "b - a % b"),),
                (("(b - a % b) % b", "b - a % b"),),
            ),
        ),
        vmax=(100, 10**9, 10**18),
    ),
    NumOp(
        "n_range_sum",
        "num",
        PAIR,
        "print((a + b) * (b - a + 1) // 2)",
        'cout << (a + b) * (b - a + 1) / 2 << "\\n";',
        lambda v, k: str((v[0] + v[1]) * (v[1] - v[0] + 1) // 2),
        ("Find the sum of all integers from a to b inclusive.", "Compute a + (a + 1) + ... + b."),
        "int",
        ("math",),
        900,
        (
            Bug(
                "off_by_one",
                lambda v, k: str((v[0] + v[1]) * (v[1] - v[0]) // 2),
                (("(b - a + 1)", "(b - a)"),),
                (("(b - a + 1)", "(b - a)"),),
            ),
            Bug("quadratic", None, LOOP_SUM.replace("@", "a, b + 1"), "", ("python3",)),
        ),
        vmax=(10**9,),
        notes={"sorted": True},
        signs=frozenset({"signed", "pos"}),
    ),
    NumOp(
        "n_triangle",
        "num",
        ("num_triple",),
        'x, y, z = sorted((a, b, c))\nprint("YES" if x + y > z else "NO")',
        'long long v[3] = {a, b, c};\nsort(v, v + 3);\ncout << (v[0] + v[1] > v[2] ? "YES" : "NO") << "\\n";',
        lambda v, k: "YES" if sorted(v)[0] + sorted(v)[1] > sorted(v)[2] else "NO",
        (
            "Determine whether a triangle with positive area and side lengths a, b and c exists.",
            "Can three sticks of lengths a, b and c form a non-degenerate triangle?",
        ),
        "yesno",
        ("geometry", "math"),
        800,
        (
            Bug(
                "wrong_operator",
                lambda v, k: "YES" if sorted(v)[0] + sorted(v)[1] >= sorted(v)[2] else "NO",
                (("x + y > z", "x + y >= z"),),
                (("v[0] + v[1] > v[2]", "v[0] + v[1] >= v[2]"),),
            ),
        ),
        vmax=(10, 100, 10**9),
    ),
    NumOp(
        "n_sum_eq",
        "num",
        ("num_triple",),
        'print("YES" if a + b == c or a + c == b or b + c == a else "NO")',
        'cout << (a + b == c || a + c == b || b + c == a ? "YES" : "NO") << "\\n";',
        lambda v, k: (
            "YES" if v[0] + v[1] == v[2] or v[0] + v[2] == v[1] or v[1] + v[2] == v[0] else "NO"
        ),
        (
            "Determine whether one of the three numbers equals the sum of the other two.",
            "Is there a number among a, b, c that is equal to the sum of the remaining two?",
        ),
        "yesno",
        ("math",),
        800,
        (
            Bug(
                "missed_edge",
                lambda v, k: "YES" if v[0] + v[1] == v[2] else "NO",
                (("a + b == c or a + c == b or b + c == a", "a + b == c"),),
                (("a + b == c || a + c == b || b + c == a", "a + b == c"),),
            ),
        ),
        vmax=(10, 100, 10**9),
        signs=frozenset({"signed", "pos"}),
    ),
)

"""Sequence operations on an array of integers: order statistics, prefix sums, best
subarray and counting pairs (greedy / DP steps are in seqsteps.py)."""

from __future__ import annotations

from collections import Counter

from .snippets import Bug, Op, register

SEQ = ("array", "multi_array")
SIGNED = frozenset({"signed"})
POS = frozenset({"pos"})
NONNEG = frozenset({"zero", "pos"})
BIG_V = (9, 100, 1000, 10**4, 10**6)
# Maps that are not strictly increasing: the only ones that change an answer that depends
# only on the order (or equality) of the numbers.
NON_MONOTONE = ("m_mod", "m_abs", "m_sq", "m_cap", "m_lastdig")
# Maps that can leave negative numbers: after any other map a best prefix / block is the total.
KEEPS_SIGN = ("m_mul", "m_add", "m_sub", "m_cap")


def _kth(a: list[int], k: int, rev: bool, shift: int = 0, strict: bool = False) -> str:
    b = sorted(a, reverse=rev)
    ok = len(b) > k if strict else len(b) >= k
    return str(b[k - 1 + shift]) if ok and k - 1 + shift < len(b) else "-1"


def _best_prefix(a: list[int], start: int | None = None) -> str:
    best, cur = a[0] if start is None else start, 0
    for x in a:
        cur += x
        best = max(best, cur)
    return str(best)


def _kadane(a: list[int], floor_zero: bool = False) -> str:
    best, cur = a[0], 0
    for x in a:
        cur = max(cur + x, 0) if floor_zero else max(cur + x, x)
        best = max(best, cur)
    return str(best)


def _window(a: list[int], k: int, skip_last: bool = False) -> str:
    if len(a) < k:
        return "-1"
    sums = [sum(a[i : i + k]) for i in range(len(a) - k + 1)]
    if skip_last:
        sums = sums[:1] + sums[1:-1] if len(sums) > 1 else sums
    return str(max(sums))


def _pairs_sum(a: list[int], k: int, self_too: bool = False) -> str:
    cnt: dict[int, int] = {}
    ans = 0
    for x in a:
        if self_too:
            cnt[x] = cnt.get(x, 0) + 1
        ans += cnt.get(k - x, 0)
        if not self_too:
            cnt[x] = cnt.get(x, 0) + 1
    return str(ans)


def _pairs_div(a: list[int], k: int, self_too: bool = False) -> str:
    cnt = [0] * k
    ans = 0
    for x in a:
        if self_too:
            cnt[x % k] += 1
        ans += cnt[(k - x % k) % k]
        if not self_too:
            cnt[x % k] += 1
    return str(ans)


KTH_PY = "a.sort()\nprint(a[$K - 1] if len(a) >= $K else -1)"
KTH_CPP = (
    'sort(a.begin(), a.end());\nif ((int)a.size() < $K) cout << -1 << "\\n";\n'
    'else cout << a[$K - 1] << "\\n";'
)
KTH_OFF = ((("a[$K - 1]", "a[$K]"), (">= $K", "> $K")), (("< $K", "<= $K"), ("a[$K - 1]", "a[$K]")))
KTH_EDGE = (((">= $K", "> $K"),), (("< $K", "<= $K"),))


def _kth_bugs(rev: bool) -> tuple[Bug, ...]:
    return (
        Bug("off_by_one", lambda a, k: _kth(a, k[0], rev, shift=1, strict=True), *KTH_OFF),
        Bug("missed_edge", lambda a, k: _kth(a, k[0], rev, strict=True), *KTH_EDGE),
    )


def _eqpairs(a: list[int], self_too: bool = False) -> str:
    c = Counter(a)
    return str(sum(v * (v - 1) // 2 + (v if self_too else 0) for v in c.values()))


PAIR_PY = (
    "cnt = {}\nans = 0\nfor x in a:\n    ans += cnt.get(@, 0)\n    cnt[x] = cnt.get(x, 0) + 1\n"
    "print(ans)"
)
PAIR_CPP = (
    "map<long long, long long> cnt;\nlong long ans = 0;\nfor (long long x : a) {\n"
    "    if (cnt.count(@)) ans += cnt[@];\n    cnt[x]++;\n}\n"
    'cout << ans << "\\n";'
)


def _swap_py(key: str) -> tuple[tuple[str, str], ...]:
    a, b = f"    ans += cnt.get({key}, 0)\n", "    cnt[x] = cnt.get(x, 0) + 1\n"
    return ((a + b, b + a),)


def _swap_cpp(key: str) -> tuple[tuple[str, str], ...]:
    a, b = f"    if (cnt.count({key})) ans += cnt[{key}];\n", "    cnt[x]++;\n"
    return ((a + b, b + a),)


def _quad(cond: str) -> str:
    py = (
        "ans = 0\nfor i in range(len(a)):\n    for j in range(i + 1, len(a)):\n"
        f"        if {cond}:\n            ans += 1\nprint(ans)"
    )
    return py


register(
    Op(
        "q_kth_small",
        "seq",
        SEQ,
        KTH_PY,
        KTH_CPP,
        lambda a, k: _kth(a, k[0], False),
        (
            "Sort the numbers in non-decreasing order and find the $K-th of them. If there are fewer than $K numbers, print -1.",
            "Find the $K-th smallest number (equal numbers are counted separately). If n < $K, print -1.",
        ),
        "int",
        ("sortings",),
        900,
        _kth_bugs(False),
        kinds=("small",),
        premap=True,
        k_input=True,
    ),
    Op(
        "q_kth_large",
        "seq",
        SEQ,
        KTH_PY.replace("a.sort()", "a.sort(reverse=True)"),
        KTH_CPP.replace("sort(a.begin(), a.end())", "sort(a.rbegin(), a.rend())"),
        lambda a, k: _kth(a, k[0], True),
        (
            "Sort the numbers in non-increasing order and find the $K-th of them. If there are fewer than $K numbers, print -1.",
            "Find the $K-th largest number (equal numbers are counted separately). If n < $K, print -1.",
        ),
        "int",
        ("sortings",),
        900,
        _kth_bugs(True),
        kinds=("small",),
        premap=True,
        k_input=True,
    ),
    Op(
        "q_max_prefix",
        "seq",
        SEQ,
        "best = a[0]\ncur = 0\nfor x in a:\n    cur += x\n    best = max(best, cur)\nprint(best)",
        "long long best = a[0], cur = 0;\nfor (long long x : a) {\n    cur += x;\n    best = max(best, cur);\n}\n"
        'cout << best << "\\n";',
        lambda a, k: _best_prefix(a),
        (
            "Find the maximum prefix sum, that is, the largest value of a_1 + a_2 + ... + a_i over all i from 1 to n.",
            "For every i from 1 to n compute a_1 + ... + a_i. Print the largest of these n sums.",
        ),
        "int",
        ("implementation",),
        1000,
        (
            Bug(
                "missed_edge",
                lambda a, k: _best_prefix(a, 0),
                (("best = a[0]", "best = 0"),),
                (("best = a[0]", "best = 0"),),
            ),
        ),
        signs=SIGNED,
        premap=True,
        premaps=KEEPS_SIGN,
    ),
    Op(
        "q_kadane",
        "seq",
        SEQ,
        "best = a[0]\ncur = 0\nfor x in a:\n    cur = max(cur + x, x)\n    best = max(best, cur)\nprint(best)",
        "long long best = a[0], cur = 0;\nfor (long long x : a) {\n    cur = max(cur + x, x);\n"
        '    best = max(best, cur);\n}\ncout << best << "\\n";',
        lambda a, k: _kadane(a),
        (
            "Find the maximum sum of a non-empty block of consecutive numbers a_l + a_(l+1) + ... + a_r.",
            "Choose 1 <= l <= r <= n to maximise a_l + ... + a_r and print this maximum.",
        ),
        "int",
        ("dp", "greedy"),
        1200,
        (
            Bug(
                "missed_edge",
                lambda a, k: _kadane(a, True),
                (("max(cur + x, x)", "max(cur + x, 0)"),),
                (("max(cur + x, x)", "max(cur + x, 0LL)"),),
            ),
            Bug(
                "quadratic",
                None,
                "best = a[0]\nfor i in range(len(a)):\n    s = 0\n    for j in range(i, len(a)):\n"
                "        s += a[j]\n        best = max(best, s)\nprint(best)",
                "",
                ("python3",),
            ),
        ),
        signs=SIGNED,
        premap=True,
        premaps=KEEPS_SIGN,
        big=True,
        vmax=BIG_V,
    ),
    Op(
        "q_window",
        "seq",
        SEQ,
        "if len(a) < $K:\n    print(-1)\nelse:\n    cur = sum(a[:$K])\n    best = cur\n"
        "    for i in range($K, len(a)):\n        cur += a[i] - a[i - $K]\n        best = max(best, cur)\n    print(best)",
        'if ((int)a.size() < $K) {\n    cout << -1 << "\\n";\n} else {\n    long long cur = 0;\n'
        "    for (int i = 0; i < $K; i++) cur += a[i];\n    long long best = cur;\n"
        "    for (int i = $K; i < (int)a.size(); i++) {\n        cur += a[i] - a[i - $K];\n"
        '        best = max(best, cur);\n    }\n    cout << best << "\\n";\n}',
        lambda a, k: _window(a, k[0]),
        (
            "Find the largest sum of $K consecutive numbers. If there are fewer than $K numbers, print -1.",
            "Over all blocks of exactly $K neighbouring numbers, find the largest sum. If n < $K, print -1.",
        ),
        "int",
        ("implementation", "two pointers"),
        1100,
        (
            Bug(
                "off_by_one",
                lambda a, k: _window(a, k[0], True),
                (("range($K, len(a))", "range($K, len(a) - 1)"),),
                (
                    (
                        "i < (int)a.size(); i++) {\n        cur",
                        "i < (int)a.size() - 1; i++) {\n        cur",
                    ),
                ),
            ),
        ),
        kinds=("small",),
        premap=True,
        k_input=True,
    ),
    Op(
        "q_pairs_sum",
        "seq",
        SEQ,
        PAIR_PY.replace("@", "$K - x"),
        PAIR_CPP.replace("@", "$K - x"),
        lambda a, k: _pairs_sum(a, k[0]),
        (
            "Count the pairs of indices i < j such that a_i + a_j = $K.",
            "How many pairs of positions i < j satisfy a_i + a_j = $K?",
        ),
        "int",
        ("data structures", "math"),
        1300,
        (
            Bug(
                "off_by_one",
                lambda a, k: _pairs_sum(a, k[0], True),
                _swap_py("$K - x"),
                _swap_cpp("$K - x"),
            ),
            Bug("quadratic", None, _quad("a[i] + a[j] == $K"), "", ("python3",)),
        ),
        kinds=("sum2",),
        big=True,
        k_input=True,
        vmax=BIG_V,
    ),
    Op(
        "q_pairs_equal",
        "seq",
        SEQ,
        PAIR_PY.replace("@", "x"),
        PAIR_CPP.replace("@", "x"),
        lambda a, k: _eqpairs(a),
        (
            "Count the pairs of indices i < j such that a_i = a_j.",
            "How many pairs of positions i < j hold equal numbers?",
        ),
        "int",
        ("data structures", "math"),
        1100,
        (
            Bug("off_by_one", lambda a, k: _eqpairs(a, True), _swap_py("x"), _swap_cpp("x")),
            Bug("quadratic", None, _quad("a[i] == a[j]"), "", ("python3",)),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        big=True,
        vmax=(5, 9, 20, 100, 1000),
    ),
    Op(
        "q_pairs_div",
        "seq",
        SEQ,
        "cnt = [0] * $K\nans = 0\nfor x in a:\n    ans += cnt[($K - x % $K) % $K]\n    cnt[x % $K] += 1\nprint(ans)",
        "vector<long long> cnt($K, 0);\nlong long ans = 0;\nfor (long long x : a) {\n"
        '    ans += cnt[($K - x % $K) % $K];\n    cnt[x % $K]++;\n}\ncout << ans << "\\n";',
        lambda a, k: _pairs_div(a, k[0]),
        (
            "Count the pairs of indices i < j such that a_i + a_j is divisible by $K.",
            "How many pairs of positions i < j have a sum that is a multiple of $K?",
        ),
        "int",
        ("math", "number theory"),
        1400,
        (
            Bug(
                "off_by_one",
                lambda a, k: _pairs_div(a, k[0], True),
                (
                    (
                        "    ans += cnt[($K - x % $K) % $K]\n    cnt[x % $K] += 1\n",
                        "    cnt[x % $K] += 1\n    ans += cnt[($K - x % $K) % $K]\n",
                    ),
                ),
                (
                    (
                        "    ans += cnt[($K - x % $K) % $K];\n    cnt[x % $K]++;\n",
                        "    cnt[x % $K]++;\n    ans += cnt[($K - x % $K) % $K];\n",
                    ),
                ),
            ),
            Bug("quadratic", None, _quad("(a[i] + a[j]) % $K == 0"), "", ("python3",)),
        ),
        kinds=("div",),
        signs=NONNEG,
        big=True,
        k_input=True,
        vmax=BIG_V,
    ),
)

"""Sequence steps: small greedy and DP scans (non-adjacent sums, runs, records, peaks,
buying within a budget, making the sequence non-decreasing)."""

from __future__ import annotations

from .seqops import NON_MONOTONE, POS, SEQ
from .snippets import Bug, Op, register


def _nonadj(a: list[int]) -> str:
    take = skip = 0
    for x in a:
        take, skip = skip + x, max(take, skip)
    return str(max(take, skip))


def _runs(a: list[int], strict: bool = True) -> str:
    return str(
        1 + sum(1 for i in range(1, len(a)) if (a[i] <= a[i - 1] if strict else a[i] < a[i - 1]))
    )


def _longest(a: list[int], same, reset: int = 1) -> str:
    best = cur = 1
    for i in range(1, len(a)):
        cur = cur + 1 if same(a[i - 1], a[i]) else reset
        best = max(best, cur)
    return str(best)


def _records(a: list[int], ge: bool = False) -> str:
    ans, best = 1, a[0]
    for x in a[1:]:
        if x > best or (ge and x == best):
            ans, best = ans + 1, x
    return str(ans)


def _take(a: list[int], k: int, strict: bool = False, shift: int = 1) -> str:
    total = 0
    for i, x in enumerate(sorted(a, reverse=True)):
        total += x
        if total > k or (not strict and total == k):
            return str(i + shift)
    return "-1"


def _budget(a: list[int], k: int, ge: bool = False) -> str:
    total = ans = 0
    for x in sorted(a):
        if total + x > k or (ge and total + x == k):
            break
        total, ans = total + x, ans + 1
    return str(ans)


def _fix(a: list[int]) -> str:
    ans, cur = 0, a[0]
    for x in a:
        cur = max(cur, x)
        ans += cur - x
    return str(ans)


register(
    Op(
        "q_nonadj",
        "seq",
        SEQ,
        "take, skip = 0, 0\nfor x in a:\n    take, skip = skip + x, max(take, skip)\nprint(max(take, skip))",
        "long long take = 0, skip = 0;\nfor (long long x : a) {\n    long long nt = skip + x;\n"
        '    skip = max(take, skip);\n    take = nt;\n}\ncout << max(take, skip) << "\\n";',
        lambda a, k: _nonadj(a),
        (
            "Choose some of the numbers (possibly none) so that no two chosen ones are neighbours. Find the largest possible sum of the chosen numbers.",
            "Pick a set of positions, no two of them adjacent (the set may be empty), maximising the sum of the picked numbers. Print that sum.",
        ),
        "int",
        ("dp",),
        1400,
        (
            Bug(
                "wrong_greedy",
                lambda a, k: str(max(sum(a[0::2]), sum(a[1::2]))),
                "print(max(sum(a[0::2]), sum(a[1::2])))",
                "long long s0 = 0, s1 = 0;\nfor (int i = 0; i < (int)a.size(); i++) {\n    if (i % 2 == 0) s0 += a[i];\n"
                '    else s1 += a[i];\n}\ncout << max(s0, s1) << "\\n";',
            ),
        ),
        premap=True,
    ),
    Op(
        "q_inc_runs",
        "seq",
        SEQ,
        "ans = 1\nfor i in range(1, len(a)):\n    if a[i] <= a[i - 1]:\n        ans += 1\nprint(ans)",
        "int ans = 1;\nfor (int i = 1; i < (int)a.size(); i++) {\n    if (a[i] <= a[i - 1]) ans++;\n}\n"
        'cout << ans << "\\n";',
        lambda a, k: _runs(a),
        (
            "Split the sequence into the smallest number of contiguous parts such that every part is strictly increasing. Print the number of parts.",
            "Count the maximal blocks of consecutive numbers in which every number is strictly greater than the previous one.",
        ),
        "int",
        ("greedy", "implementation"),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _runs(a, False),
                (("a[i] <= a[i - 1]", "a[i] < a[i - 1]"),),
                (("a[i] <= a[i - 1]", "a[i] < a[i - 1]"),),
            ),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        vmax=(5, 9, 20, 100, 10**9),
    ),
    Op(
        "q_longest_inc",
        "seq",
        SEQ,
        "best = cur = 1\nfor i in range(1, len(a)):\n    cur = cur + 1 if a[i] > a[i - 1] else 1\n    best = max(best, cur)\nprint(best)",
        "int best = 1, cur = 1;\nfor (int i = 1; i < (int)a.size(); i++) {\n    cur = a[i] > a[i - 1] ? cur + 1 : 1;\n"
        '    best = max(best, cur);\n}\ncout << best << "\\n";',
        lambda a, k: _longest(a, lambda x, y: y > x),
        (
            "Find the length of the longest block of consecutive numbers that is strictly increasing.",
            "Find the maximum length of a contiguous segment in which each number is strictly greater than the one before it.",
        ),
        "int",
        ("dp", "implementation"),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _longest(a, lambda x, y: y >= x),
                (("a[i] > a[i - 1]", "a[i] >= a[i - 1]"),),
                (("a[i] > a[i - 1]", "a[i] >= a[i - 1]"),),
            ),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        vmax=(5, 9, 20, 100, 10**9),
    ),
    Op(
        "q_longest_eq",
        "seq",
        SEQ,
        "best = cur = 1\nfor i in range(1, len(a)):\n    cur = cur + 1 if a[i] == a[i - 1] else 1\n    best = max(best, cur)\nprint(best)",
        "int best = 1, cur = 1;\nfor (int i = 1; i < (int)a.size(); i++) {\n    cur = a[i] == a[i - 1] ? cur + 1 : 1;\n"
        '    best = max(best, cur);\n}\ncout << best << "\\n";',
        lambda a, k: _longest(a, lambda x, y: x == y),
        (
            "Find the length of the longest block of consecutive equal numbers.",
            "Find the maximum length of a contiguous segment in which all numbers are equal.",
        ),
        "int",
        ("implementation",),
        900,
        (
            Bug(
                "off_by_one",
                lambda a, k: _longest(a, lambda x, y: x == y, 0),
                (("else 1", "else 0"),),
                ((": 1;", ": 0;"),),
            ),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        vmax=(2, 3, 5, 9),
    ),
    Op(
        "q_local_max",
        "seq",
        SEQ,
        "print(sum(1 for i in range(1, len(a) - 1) if a[i - 1] < a[i] > a[i + 1]))",
        "int ans = 0;\nfor (int i = 1; i + 1 < (int)a.size(); i++) {\n    if (a[i - 1] < a[i] && a[i] > a[i + 1]) ans++;\n}\n"
        'cout << ans << "\\n";',
        lambda a, k: str(sum(1 for i in range(1, len(a) - 1) if a[i - 1] < a[i] > a[i + 1])),
        (
            "Count the positions i (1 < i < n) such that a_i is strictly greater than both a_(i-1) and a_(i+1).",
            "A number is a peak if it is strictly greater than both of its neighbours (the first and the last numbers are never peaks). Count the peaks.",
        ),
        "int",
        ("implementation",),
        900,
        (
            Bug(
                "wrong_operator",
                lambda a, k: str(
                    sum(1 for i in range(1, len(a) - 1) if a[i - 1] <= a[i] >= a[i + 1])
                ),
                (("a[i - 1] < a[i] > a[i + 1]", "a[i - 1] <= a[i] >= a[i + 1]"),),
                (("a[i - 1] < a[i] && a[i] > a[i + 1]", "a[i - 1] <= a[i] && a[i] >= a[i + 1]"),),
            ),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        vmax=(3, 5, 9, 100),
    ),
    Op(
        "q_records",
        "seq",
        SEQ,
        "ans = 1\nbest = a[0]\nfor x in a[1:]:\n    if x > best:\n        ans += 1\n        best = x\nprint(ans)",
        "int ans = 1;\nlong long best = a[0];\nfor (int i = 1; i < (int)a.size(); i++) {\n    if (a[i] > best) {\n"
        '        ans++;\n        best = a[i];\n    }\n}\ncout << ans << "\\n";',
        lambda a, k: _records(a),
        (
            "A number is a record if it is strictly greater than every number before it; the first number is always a record. Count the records.",
            "Count the positions i such that a_i is strictly greater than all of a_1, ..., a_(i-1) (position 1 always counts).",
        ),
        "int",
        ("implementation",),
        900,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _records(a, True),
                (("if x > best", "if x >= best"),),
                (("if (a[i] > best)", "if (a[i] >= best)"),),
            ),
            Bug(
                "quadratic",
                None,
                "ans = 0\nfor i in range(len(a)):\n    if i == 0 or a[i] > max(a[:i]):\n        ans += 1\nprint(ans)",
                "",
                ("python3",),
            ),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        big=True,
        vmax=(5, 20, 100, 10**4),
    ),
    Op(
        "q_take",
        "seq",
        SEQ,
        "a.sort(reverse=True)\ntotal = 0\nans = -1\nfor i in range(len(a)):\n    total += a[i]\n    if total >= $K:\n"
        "        ans = i + 1\n        break\nprint(ans)",
        "sort(a.rbegin(), a.rend());\nlong long total = 0;\nint ans = -1;\nfor (int i = 0; i < (int)a.size(); i++) {\n"
        "    total += a[i];\n    if (total >= $K) {\n        ans = i + 1;\n        break;\n    }\n}\n"
        'cout << ans << "\\n";',
        lambda a, k: _take(a, k[0]),
        (
            "Choose as few numbers as possible so that their sum is at least $K. Print how many you need, or -1 if even all of them are not enough.",
            "What is the minimum number of the numbers whose total is at least $K? If the sum of all numbers is less than $K, print -1.",
        ),
        "int",
        ("greedy", "sortings"),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _take(a, k[0], strict=True),
                (("total >= $K", "total > $K"),),
                (("total >= $K", "total > $K"),),
            ),
            Bug(
                "off_by_one",
                lambda a, k: _take(a, k[0], shift=0),
                (("ans = i + 1", "ans = i"),),
                (("ans = i + 1", "ans = i"),),
            ),
        ),
        kinds=("target",),
        signs=POS,
        k_input=True,
    ),
    Op(
        "q_budget",
        "seq",
        SEQ,
        "a.sort()\ntotal = ans = 0\nfor x in a:\n    if total + x > $K:\n        break\n    total += x\n    ans += 1\nprint(ans)",
        "sort(a.begin(), a.end());\nlong long total = 0;\nint ans = 0;\nfor (long long x : a) {\n    if (total + x > $K) break;\n"
        '    total += x;\n    ans++;\n}\ncout << ans << "\\n";',
        lambda a, k: _budget(a, k[0]),
        (
            "Choose as many numbers as possible so that their sum does not exceed $K. Print the largest possible count.",
            "You have $K coins and the numbers are prices. Buy as many different items as you can and print how many you buy.",
        ),
        "int",
        ("greedy", "sortings"),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _budget(a, k[0], True),
                (("total + x > $K", "total + x >= $K"),),
                (("total + x > $K", "total + x >= $K"),),
            ),
        ),
        kinds=("target",),
        signs=POS,
        k_input=True,
    ),
    Op(
        "q_sorted",
        "seq",
        SEQ,
        'print("YES" if all(a[i - 1] <= a[i] for i in range(1, len(a))) else "NO")',
        "bool ok = true;\nfor (int i = 1; i < (int)a.size(); i++) {\n    if (a[i - 1] > a[i]) ok = false;\n}\n"
        'cout << (ok ? "YES" : "NO") << "\\n";',
        lambda a, k: "YES" if all(a[i - 1] <= a[i] for i in range(1, len(a))) else "NO",
        (
            "Check whether the numbers are sorted in non-decreasing order.",
            "Determine whether a_1 <= a_2 <= ... <= a_n holds.",
        ),
        "yesno",
        ("implementation",),
        800,
        (
            Bug(
                "wrong_operator",
                lambda a, k: "YES" if all(a[i - 1] < a[i] for i in range(1, len(a))) else "NO",
                (("a[i - 1] <= a[i]", "a[i - 1] < a[i]"),),
                (("a[i - 1] > a[i]", "a[i - 1] >= a[i]"),),
            ),
        ),
        premap=True,
        premaps=NON_MONOTONE,
        vmax=(3, 5, 9, 100),
    ),
    Op(
        "q_adj_diff",
        "seq",
        SEQ,
        "best = 0\nfor i in range(1, len(a)):\n    best = max(best, abs(a[i] - a[i - 1]))\nprint(best)",
        "long long best = 0;\nfor (int i = 1; i < (int)a.size(); i++) {\n    best = max(best, abs(a[i] - a[i - 1]));\n}\n"
        'cout << best << "\\n";',
        lambda a, k: str(max([0] + [abs(a[i] - a[i - 1]) for i in range(1, len(a))])),
        (
            "Find the largest absolute difference between two neighbouring numbers. If n = 1, print 0.",
            "Print the maximum of |a_i - a_(i+1)| over all 1 <= i < n (print 0 when n = 1).",
        ),
        "int",
        ("implementation",),
        800,
        (
            Bug(
                "missed_edge",
                lambda a, k: str(max([0] + [a[i] - a[i - 1] for i in range(1, len(a))])),
                (("abs(a[i] - a[i - 1])", "a[i] - a[i - 1]"),),
                (("abs(a[i] - a[i - 1])", "a[i] - a[i - 1]"),),
            ),
        ),
        premap=True,
    ),
    Op(
        "q_fix",
        "seq",
        SEQ,
        "ans = 0\ncur = a[0]\nfor x in a:\n    cur = max(cur, x)\n    ans += cur - x\nprint(ans)",
        "long long ans = 0, cur = a[0];\nfor (long long x : a) {\n    cur = max(cur, x);\n    ans += cur - x;\n}\n"
        'cout << ans << "\\n";',
        lambda a, k: _fix(a),
        (
            "In one operation you may increase any number by 1. Find the minimum number of operations that makes the sequence non-decreasing.",
            "You may add 1 to any element any number of times. What is the fewest additions after which a_1 <= a_2 <= ... <= a_n?",
        ),
        "int",
        ("greedy",),
        1100,
        (
            Bug(
                "wrong_greedy",
                lambda a, k: str(sum(max(0, a[i - 1] - a[i]) for i in range(1, len(a)))),
                "ans = 0\nfor i in range(1, len(a)):\n    ans += max(0, a[i - 1] - a[i])\nprint(ans)",
                "long long ans = 0;\nfor (int i = 1; i < (int)a.size(); i++) {\n    ans += max(0LL, a[i - 1] - a[i]);\n}\n"
                'cout << ans << "\\n";',
            ),
        ),
        premap=True,
    ),
)

"""Whole-string operations: reverse, palindrome, run-length encoding, runs, frequencies."""

from __future__ import annotations

from .snippets import Bug, Op, register

STR = ("string", "multi_string")
NMAX = (10, 100, 1000, 10**5)
# A shift is a bijection of the alphabet: it cannot change whether s is a palindrome, how
# many runs it has, or whether its letters are distinct, so only the maps that merge letters
# may precede those operations.
NOT_BIJECTIVE = ("cm_replace", "cm_vowel")


def _rle(s: str, skip_one: bool = False) -> str:
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + ("" if skip_one and j - i == 1 else str(j - i)))
        i = j
    return "".join(out)


def _longest(s: str, reset: int = 1) -> str:
    best = cur = 1
    for i in range(1, len(s)):
        cur = cur + 1 if s[i] == s[i - 1] else reset
        best = max(best, cur)
    return str(best)


def _half_pal(s: str) -> str:
    h = len(s) // 2
    return "YES" if s[:h] == s[h:][::-1] else "NO"


register(
    Op(
        "s_reverse",
        "str",
        STR,
        "print(s[::-1])",
        'reverse(s.begin(), s.end());\ncout << s << "\\n";',
        lambda s, k: s[::-1],
        (
            "Print the string written backwards.",
            "Print the letters of the string in reverse order.",
        ),
        "str",
        ("strings", "implementation"),
        800,
        (
            Bug(
                "off_by_one",
                lambda s, k: s[:0:-1],
                "print(s[:0:-1])",
                'cout << string(s.rbegin(), s.rend() - 1) << "\\n";',
            ),
        ),
        premap=True,
        nmax=NMAX,
    ),
    Op(
        "s_palindrome",
        "str",
        STR,
        'print("YES" if s == s[::-1] else "NO")',
        'string r(s.rbegin(), s.rend());\ncout << (s == r ? "YES" : "NO") << "\\n";',
        lambda s, k: "YES" if s == s[::-1] else "NO",
        (
            "Check whether the string is a palindrome, i.e. reads the same from left to right and from right to left.",
            "Determine whether the string is equal to its reverse.",
        ),
        "yesno",
        ("strings",),
        800,
        (
            Bug(
                "missed_edge",
                lambda s, k: _half_pal(s),
                'h = len(s) // 2\nprint("YES" if s[:h] == s[h:][::-1] else "NO")',
                "int h = s.size() / 2;\nstring r(s.rbegin(), s.rend() - h);\n"
                'cout << (s.substr(0, h) == r ? "YES" : "NO") << "\\n";',
            ),
        ),
        premap=True,
        premaps=NOT_BIJECTIVE,
        nmax=NMAX,
    ),
    Op(
        "s_rle",
        "str",
        STR,
        "out = []\ni = 0\nwhile i < len(s):\n    j = i\n    while j < len(s) and s[j] == s[i]:\n        j += 1\n"
        '    out.append(s[i] + str(j - i))\n    i = j\nprint("".join(out))',
        "string out;\nfor (int i = 0; i < (int)s.size();) {\n    int j = i;\n    while (j < (int)s.size() && s[j] == s[i]) j++;\n"
        '    out += s[i] + to_string(j - i);\n    i = j;\n}\ncout << out << "\\n";',
        lambda s, k: _rle(s),
        (
            "Compress the string: replace every maximal block of equal letters by the letter followed by the block length (so aaab becomes a3b1). Print the result.",
            "Write the run-length encoding of the string: for each maximal group of equal neighbouring letters output the letter and then the group size (for example, zzxyy gives z2x1y2).",
        ),
        "str",
        ("strings", "implementation"),
        1000,
        (
            Bug(
                "missed_edge",
                lambda s, k: _rle(s, True),
                (("s[i] + str(j - i)", 's[i] + (str(j - i) if j - i > 1 else "")'),),
                (("s[i] + to_string(j - i)", "s[i] + (j - i > 1 ? to_string(j - i) : string())"),),
            ),
        ),
        premap=True,
        nmax=(10, 100, 1000),
    ),
    Op(
        "s_runs",
        "str",
        STR,
        "print(1 + sum(1 for i in range(1, len(s)) if s[i] != s[i - 1]))",
        "int ans = 1;\nfor (int i = 1; i < (int)s.size(); i++) {\n    if (s[i] != s[i - 1]) ans++;\n}\n"
        'cout << ans << "\\n";',
        lambda s, k: str(1 + sum(1 for i in range(1, len(s)) if s[i] != s[i - 1])),
        (
            "Count the maximal blocks of equal consecutive letters.",
            "Split the string into the fewest pieces such that each piece consists of one repeated letter. Print the number of pieces.",
        ),
        "int",
        ("strings", "implementation"),
        800,
        (
            Bug(
                "off_by_one",
                lambda s, k: str(sum(1 for i in range(1, len(s)) if s[i] != s[i - 1])),
                (("print(1 + sum(", "print(sum("),),
                (("int ans = 1;", "int ans = 0;"),),
            ),
        ),
        premap=True,
        premaps=NOT_BIJECTIVE,
        nmax=NMAX,
    ),
    Op(
        "s_longest_run",
        "str",
        STR,
        "best = cur = 1\nfor i in range(1, len(s)):\n    cur = cur + 1 if s[i] == s[i - 1] else 1\n    best = max(best, cur)\nprint(best)",
        "int best = 1, cur = 1;\nfor (int i = 1; i < (int)s.size(); i++) {\n    cur = s[i] == s[i - 1] ? cur + 1 : 1;\n"
        '    best = max(best, cur);\n}\ncout << best << "\\n";',
        lambda s, k: _longest(s),
        (
            "Find the length of the longest block of consecutive equal letters.",
            "Find the maximum number of times the same letter appears in a row.",
        ),
        "int",
        ("strings", "implementation"),
        900,
        (
            Bug(
                "off_by_one",
                lambda s, k: _longest(s, 0),
                (("else 1", "else 0"),),
                ((": 1;", ": 0;"),),
            ),
        ),
        premap=True,
        premaps=NOT_BIJECTIVE,
        nmax=NMAX,
    ),
    Op(
        "s_most_freq",
        "str",
        STR,
        "print(max(sorted(set(s)), key=s.count))",
        "vector<int> cnt(26, 0);\nfor (char c : s) cnt[c - 'a']++;\nint best = 0;\nfor (int i = 1; i < 26; i++) {\n"
        "    if (cnt[i] > cnt[best]) best = i;\n}\n"
        "cout << char('a' + best) << \"\\n\";",
        lambda s, k: max(sorted(set(s)), key=s.count),
        (
            "Find the letter that occurs most often. If several letters occur equally often, print the alphabetically smallest one.",
            "Print the most frequent letter of the string; on a tie, print the one that comes first in the alphabet.",
        ),
        "str",
        ("strings", "implementation"),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda s, k: max(sorted(set(s), reverse=True), key=s.count),
                (("sorted(set(s))", "sorted(set(s), reverse=True)"),),
                (("cnt[i] > cnt[best]", "cnt[i] >= cnt[best]"),),
            ),
        ),
        premap=True,
        nmax=NMAX,
    ),
    Op(
        "s_pair",
        "str",
        STR,
        "print(sum(1 for i in range(len(s) - 1) if s[i] == $K and s[i + 1] == $M))",
        "int ans = 0;\nfor (int i = 0; i + 1 < (int)s.size(); i++) {\n    if (s[i] == $K && s[i + 1] == $M) ans++;\n}\n"
        'cout << ans << "\\n";',
        lambda s, k: str(sum(1 for i in range(len(s) - 1) if s[i] == k[0] and s[i + 1] == k[1])),
        (
            "Count the positions where the letter $K is immediately followed by the letter $M.",
            "How many times does the two-letter string made of $K and then $M occur in the string as a contiguous piece?",
        ),
        "int",
        ("strings",),
        900,
        (
            Bug(
                "off_by_one",
                lambda s, k: str(
                    sum(1 for i in range(len(s) - 2) if s[i] == k[0] and s[i + 1] == k[1])
                ),
                (("range(len(s) - 1)", "range(len(s) - 2)"),),
                (("i + 1 < (int)s.size()", "i + 2 < (int)s.size()"),),
            ),
        ),
        kinds=("letter", "letter"),
        premap=True,
        nmax=NMAX,
    ),
    Op(
        "s_distinct_all",
        "str",
        STR,
        'print("YES" if len(set(s)) == len(s) else "NO")',
        'set<char> seen(s.begin(), s.end());\ncout << (seen.size() == s.size() ? "YES" : "NO") << "\\n";',
        lambda s, k: "YES" if len(set(s)) == len(s) else "NO",
        (
            "Check whether all letters of the string are pairwise different.",
            "Determine whether no letter occurs in the string more than once.",
        ),
        "yesno",
        ("strings",),
        800,
        (
            Bug(
                "missed_edge",
                lambda s, k: "YES" if all(s[i] != s[i - 1] for i in range(1, len(s))) else "NO",
                'print("YES" if all(s[i] != s[i - 1] for i in range(1, len(s))) else "NO")',
                "bool ok = true;\nfor (int i = 1; i < (int)s.size(); i++) {\n    if (s[i] == s[i - 1]) ok = false;\n}\n"
                'cout << (ok ? "YES" : "NO") << "\\n";',
            ),
        ),
        premap=True,
        premaps=NOT_BIJECTIVE,
        nmax=(10, 26, 100),
    ),
)

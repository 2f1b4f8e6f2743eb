"""Grid operations: neighbour counts on a '.'/'#' map and row / column / border scans of a
table of integers."""

from __future__ import annotations

from .snippets import Bug, Op, register

SIDE = "((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1))"
EIGHT = "((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1), (i - 1, j - 1), (i - 1, j + 1), (i + 1, j - 1), (i + 1, j + 1))"
D4 = "int dx[4] = {-1, 1, 0, 0}, dy[4] = {0, 0, -1, 1};"
D8 = "int dx[8] = {-1, 1, 0, 0, -1, -1, 1, 1}, dy[8] = {0, 0, -1, 1, -1, 1, -1, 1};"


def _nbrs(g: list, i: int, j: int, diag: bool) -> list[tuple[int, int]]:
    n, m = len(g), len(g[0])
    d = [(-1, 0), (1, 0), (0, -1), (0, 1)] + ([(-1, -1), (-1, 1), (1, -1), (1, 1)] if diag else [])
    return [(i + a, j + b) for a, b in d if 0 <= i + a < n and 0 <= j + b < m]


def _nb_k(g: list[str], k: int, diag: bool = False) -> str:
    return str(
        sum(
            1
            for i in range(len(g))
            for j in range(len(g[0]))
            if g[i][j] == "#" and sum(g[x][y] == "#" for x, y in _nbrs(g, i, j, diag)) == k
        )
    )


def _near(g: list[str], diag: bool = False) -> str:
    return str(
        sum(
            1
            for i in range(len(g))
            for j in range(len(g[0]))
            if g[i][j] == "." and any(g[x][y] == "#" for x, y in _nbrs(g, i, j, diag))
        )
    )


def _free(g: list[str], rows_only: bool = False) -> str:
    rows = sum(1 for r in g if "#" not in r)
    cols = sum(1 for j in range(len(g[0])) if all(r[j] != "#" for r in g))
    return str(rows if rows_only else rows + cols)


def _max_row(a: list[list[int]], last: bool = False, shift: int = 1) -> str:
    s = [sum(r) for r in a]
    idx = len(s) - 1 - s[::-1].index(max(s)) if last else s.index(max(s))
    return str(idx + shift)


def _peaks(a: list[list[int]], ge: bool = False) -> str:
    return str(
        sum(
            1
            for i in range(len(a))
            for j in range(len(a[0]))
            if all(
                (a[i][j] >= a[x][y]) if ge else (a[i][j] > a[x][y])
                for x, y in _nbrs(a, i, j, False)
            )
        )
    )


def _border(a: list[list[int]], double: bool = False) -> str:
    n, m = len(a), len(a[0])
    if double:
        return str(sum(a[0]) + sum(a[-1]) + sum(r[0] + r[-1] for r in a))
    return str(
        sum(a[i][j] for i in range(n) for j in range(m) if i in (0, n - 1) or j in (0, m - 1))
    )


NB_CPP = (
    D4 + "\nint ans = 0;\nfor (int i = 0; i < n; i++) {\n    for (int j = 0; j < m; j++) {\n"
    "        if (g[i][j] != @) continue;\n        int cnt = 0;\n        for (int d = 0; d < 4; d++) {\n"
    "            int x = i + dx[d], y = j + dy[d];\n"
    "            if (x >= 0 && x < n && y >= 0 && y < m && g[x][y] == '#') cnt++;\n        }\n"
    '        if (%) ans++;\n    }\n}\ncout << ans << "\\n";'
)
NB_PY = (
    "ans = 0\nfor i in range(n):\n    for j in range(m):\n        if g[i][j] != @:\n            continue\n"
    "        cnt = 0\n        for x, y in " + SIDE + ":\n"
    "            if 0 <= x < n and 0 <= y < m and g[x][y] == '#':\n                cnt += 1\n"
    "        if %:\n            ans += 1\nprint(ans)"
)
EIGHT_PY = ((SIDE, EIGHT),)
EIGHT_CPP = ((D4, D8), ("d < 4", "d < 8"))

register(
    Op(
        "g_nb_k",
        "grid",
        ("cgrid",),
        NB_PY.replace("@", "'#'").replace("%", "cnt == $K"),
        NB_CPP.replace("@", "'#'").replace("%", "cnt == $K"),
        lambda g, k: _nb_k(g, k[0]),
        (
            "Count the '#' cells that have exactly $K neighbouring '#' cells (two cells are neighbours if they share a side).",
            "For every '#' cell look at the up to four cells sharing a side with it. Count the '#' cells for which exactly $K of those are '#'.",
        ),
        "int",
        ("implementation",),
        1100,
        (Bug("wrong_operator", lambda g, k: _nb_k(g, k[0], True), EIGHT_PY, EIGHT_CPP),),
        kinds=("nb",),
    ),
    Op(
        "g_near",
        "grid",
        ("cgrid",),
        NB_PY.replace("@", "'.'").replace("%", "cnt > 0"),
        NB_CPP.replace("@", "'.'").replace("%", "cnt > 0"),
        lambda g, k: _near(g),
        (
            "Count the '.' cells that share a side with at least one '#' cell.",
            "A free cell is in danger if one of the cells directly above, below, left or right of it is '#'. Count the free cells in danger.",
        ),
        "int",
        ("implementation",),
        1000,
        (Bug("wrong_operator", lambda g, k: _near(g, True), EIGHT_PY, EIGHT_CPP),),
    ),
    Op(
        "g_free_lines",
        "grid",
        ("cgrid",),
        "rows = sum(1 for row in g if '#' not in row)\ncols = sum(1 for j in range(m) if all(row[j] != '#' for row in g))\n"
        "print(rows + cols)",
        "int ans = 0;\nfor (int i = 0; i < n; i++) {\n    if (g[i].find('#') == string::npos) ans++;\n}\n"
        "for (int j = 0; j < m; j++) {\n    bool ok = true;\n    for (int i = 0; i < n; i++) {\n"
        "        if (g[i][j] == '#') ok = false;\n    }\n    if (ok) ans++;\n}\n"
        'cout << ans << "\\n";',
        lambda g, k: _free(g),
        (
            "Count the rows and the columns that contain no '#' at all, and print their total number.",
            "A line (a row or a column) is clear if it has no '#'. Print the number of clear rows plus the number of clear columns.",
        ),
        "int",
        ("implementation",),
        900,
        (
            Bug(
                "missed_edge",
                lambda g, k: _free(g, True),
                (("print(rows + cols)", "print(rows)"),),
                (
                    (
                        "for (int j = 0; j < m; j++) {\n    bool ok = true;",
                        "for (int j = 0; j < 0; j++) {\n    bool ok = true;",
                    ),
                ),
            ),
        ),
    ),
    Op(
        "g_max_row",
        "grid",
        ("igrid",),
        "sums = [sum(row) for row in a]\nprint(sums.index(max(sums)) + 1)",
        "vector<long long> s(n, 0);\nfor (int i = 0; i < n; i++) {\n    for (long long x : a[i]) s[i] += x;\n}\n"
        "int best = 0;\nfor (int i = 1; i < n; i++) {\n    if (s[i] > s[best]) best = i;\n}\n"
        'cout << best + 1 << "\\n";',
        lambda a, k: _max_row(a),
        (
            "Find the row with the largest sum of numbers and print its index (rows are numbered from 1 from top to bottom). If several rows have the largest sum, print the smallest index.",
            "Print the number of the row whose total is the biggest (the first such row if there are several; rows are numbered starting from 1).",
        ),
        "int",
        ("implementation",),
        900,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _max_row(a, last=True),
                (("print(sums.index(max(sums)) + 1)", "print(n - sums[::-1].index(max(sums)))"),),
                (("s[i] > s[best]", "s[i] >= s[best]"),),
            ),
            Bug(
                "off_by_one",
                lambda a, k: _max_row(a, shift=0),
                (("max(sums)) + 1)", "max(sums)))"),),
                (("best + 1", "best"),),
            ),
        ),
        vmax=(2, 3, 5, 9),
    ),
    Op(
        "g_col_max",
        "grid",
        ("igrid",),
        "print(*[max(row[j] for row in a) for j in range(m)])",
        "for (int j = 0; j < m; j++) {\n    long long best = a[0][j];\n    for (int i = 1; i < n; i++) best = max(best, a[i][j]);\n"
        '    cout << best << " ";\n}\ncout << "\\n";',
        lambda a, k: " ".join(str(max(r[j] for r in a)) for j in range(len(a[0]))),
        (
            "For every column print the largest number in it.",
            "Print m numbers: the maximum of each column, from left to right.",
        ),
        "list",
        ("implementation",),
        800,
        (
            Bug(
                "missed_edge",
                lambda a, k: " ".join(str(max([0] + [r[j] for r in a])) for j in range(len(a[0]))),
                (("max(row[j] for row in a)", "max([0] + [row[j] for row in a])"),),
                (
                    (
                        "long long best = a[0][j];\n    for (int i = 1;",
                        "long long best = 0;\n    for (int i = 0;",
                    ),
                ),
            ),
        ),
        signs=frozenset({"signed"}),
    ),
    Op(
        "g_peaks",
        "grid",
        ("igrid",),
        "ans = 0\nfor i in range(n):\n    for j in range(m):\n        if all(a[i][j] > a[x][y] for x, y in "
        + SIDE
        + " if 0 <= x < n and 0 <= y < m):\n            ans += 1\nprint(ans)",
        D4
        + "\nint ans = 0;\nfor (int i = 0; i < n; i++) {\n    for (int j = 0; j < m; j++) {\n        bool ok = true;\n"
        "        for (int d = 0; d < 4; d++) {\n            int x = i + dx[d], y = j + dy[d];\n"
        "            if (x >= 0 && x < n && y >= 0 && y < m && a[x][y] >= a[i][j]) ok = false;\n        }\n"
        '        if (ok) ans++;\n    }\n}\ncout << ans << "\\n";',
        lambda a, k: _peaks(a),
        (
            "Count the cells whose number is strictly greater than the numbers in all cells sharing a side with it.",
            "A cell is a hill if its value is larger than the value of every side-adjacent cell. Count the hills.",
        ),
        "int",
        ("implementation",),
        1000,
        (
            Bug(
                "wrong_operator",
                lambda a, k: _peaks(a, True),
                (("a[i][j] > a[x][y]", "a[i][j] >= a[x][y]"),),
                (("a[x][y] >= a[i][j]", "a[x][y] > a[i][j]"),),
            ),
        ),
        vmax=(2, 3, 5, 9),
    ),
    Op(
        "g_border",
        "grid",
        ("igrid",),
        "ans = 0\nfor i in range(n):\n    for j in range(m):\n        if i == 0 or i == n - 1 or j == 0 or j == m - 1:\n"
        "            ans += a[i][j]\nprint(ans)",
        "long long ans = 0;\nfor (int i = 0; i < n; i++) {\n    for (int j = 0; j < m; j++) {\n"
        "        if (i == 0 || i == n - 1 || j == 0 || j == m - 1) ans += a[i][j];\n    }\n}\n"
        'cout << ans << "\\n";',
        lambda a, k: _border(a),
        (
            "Find the sum of the numbers in the cells on the border of the table (the first and last rows and columns); every cell counts once.",
            "Add up the values of all cells that lie in the first row, the last row, the first column or the last column. Each cell is counted once.",
        ),
        "int",
        ("implementation",),
        900,
        (
            Bug(
                "missed_edge",
                lambda a, k: _border(a, True),
                "print(sum(a[0]) + sum(a[-1]) + sum(row[0] + row[-1] for row in a))",
                "long long ans = 0;\nfor (int j = 0; j < m; j++) ans += a[0][j] + a[n - 1][j];\n"
                'for (int i = 0; i < n; i++) ans += a[i][0] + a[i][m - 1];\ncout << ans << "\\n";',
            ),
        ),
    ),
)

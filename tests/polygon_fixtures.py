"""Polygon packages written by the tests: a "sum of numbers" problem in the three download
kinds (standard: generated tests left out; full: every test written; windows: full with CRLF
files), with a generator, a custom or std:: checker and tagged solutions. The C++ sources
include tests/fixtures/polygon/testlib.h, a small stand-in written for these tests."""

from __future__ import annotations

import shutil
from pathlib import Path

TESTLIB = Path(__file__).parent / "fixtures" / "polygon" / "testlib.h"

SAMPLES = ["3\n1 2 3\n", "2\n5 7\n"]
GENERATED = ["gen 5 100", "gen 8 1000", "gen 4 10"]
# what a full package holds where the standard one has the generator's commands
FULL_INPUTS = ["5\n10 20 30 40 50\n", "8\n1 1 1 1 1 1 1 1\n", "4\n9 9 9 9\n"]

GEN_CPP = r"""#include "testlib.h"
#include <cstdio>
int main(int argc, char* argv[]) {
    registerGen(argc, argv, 1);
    int n = std::atoi(argv[1]), hi = std::atoi(argv[2]);
    std::printf("%d\n", n);
    for (int i = 0; i < n; i++) std::printf("%d%c", rnd.next(1, hi), i + 1 < n ? ' ' : '\n');
}
"""
CHECK_CPP = r"""#include "testlib.h"
int main(int argc, char* argv[]) {
    registerTestlibCmd(argc, argv);
    long long want = ans.readLong(), got = ouf.readLong();
    if (want != got) quitf(_wa, "expected %lld, found %lld", want, got);
    if (!ouf.seekEof()) quitf(_pe, "extra output");
    quitf(_ok, "%lld", got);
}
"""
MAIN_CPP = r"""#include <cstdio>
int main() {
    int n; long long s = 0, x;
    if (std::scanf("%d", &n) != 1) return 1;
    for (int i = 0; i < n; i++) { std::scanf("%lld", &x); s += x; }
    std::printf("%lld\n", s);
}
"""
SOLUTIONS = {
    # path: (tag, Polygon source type, source)
    "solutions/main.cpp": ("main", "cpp.g++17", MAIN_CPP),
    "solutions/sum.py": (
        "accepted",
        "python.3",
        "input()\nprint(sum(map(int, input().split())))\n",
    ),
    "solutions/off_by_one.py": (
        "wrong-answer",
        "python.3",
        "n = int(input())\nprint(sum(map(int, input().split())) + (n > 3))\n",
    ),
    "solutions/spin.py": ("time-limit-exceeded", "python.3", "while True:\n    pass\n"),
    "solutions/Main.java": ("rejected", "java.11", "class Main {}\n"),
}


def answer_of(text: str) -> str:
    return f"{sum(map(int, text.split()[1:]))}\n"


def problem_xml(
    *,
    checker: str = '<checker name="std::ncmp.cpp" type="testlib"><source path="files/check.cpp" type="cpp.g++17"/></checker>',
    generated: bool = True,
    solutions: dict[str, tuple[str, str, str]] = SOLUTIONS,
    extra_assets: str = "",
    time_ms: int = 500,
    tests_xml: str | None = None,
) -> str:
    if tests_xml is None:
        rows = ['<test method="manual" sample="true" group="samples" points="0"/>' for _ in SAMPLES]
        for cmd in GENERATED:
            rows.append(
                f'<test cmd="{cmd}" method="generated" group="main" points="10"/>'
                if generated
                else '<test method="manual" group="main" points="10"/>'
            )
        tests_xml = "\n".join(rows)
    count = tests_xml.count("<test ")
    sols = "\n".join(
        f'<solution tag="{tag}"><source path="{path}" type="{kind}"/>'
        f'<binary path="{path.rsplit(".", 1)[0]}.exe" type="exe.win32"/></solution>'
        for path, (tag, kind, _) in solutions.items()
    )
    return f"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<problem revision="3" short-name="sum-of-numbers" url="https://polygon.codeforces.com/p/x/sum-of-numbers">
    <names>
        <name language="russian" value="Сумма чисел"/>
        <name language="english" value="Sum of Numbers"/>
    </names>
    <statements>
        <statement charset="UTF-8" language="english" path="statements/english/problem.tex" type="application/x-tex"/>
    </statements>
    <judging cpu-name="Intel(R) Core(TM) i3-8100 CPU @ 3.60GHz" cpu-speed="3600" input-file="" output-file="" run-count="1">
        <testset name="tests">
            <time-limit>{time_ms}</time-limit>
            <memory-limit>268435456</memory-limit>
            <test-count>{count}</test-count>
            <input-path-pattern>tests/%02d</input-path-pattern>
            <answer-path-pattern>tests/%02d.a</answer-path-pattern>
            <tests>
{tests_xml}
            </tests>
            <groups>
                <group feedback-policy="complete" name="samples" points="0" points-policy="each-test"/>
                <group feedback-policy="icpc" name="main" points="30" points-policy="complete-group">
                    <dependencies><dependency group="samples"/></dependencies>
                </group>
            </groups>
        </testset>
    </judging>
    <files>
        <resources><file path="files/testlib.h" type="h.g++"/></resources>
        <executables>
            <executable><source path="files/gen.cpp" type="cpp.g++17"/><binary path="files/gen.exe" type="exe.win32"/></executable>
        </executables>
    </files>
    <assets>
        {checker}
        {extra_assets}
        <solutions>
{sols}
        </solutions>
    </assets>
    <tags><tag value="math"/><tag value="implementation"/></tags>
</problem>
"""


STATEMENT = {
    "legend.tex": "Given $n$ integers $a_1, a_2, \\ldots, a_n$, print their sum~--- \\textbf{exactly}.\n",
    "input.tex": "The first line holds $n$ ($1 \\le n \\le 10^5$), the second the numbers.\n",
    "output.tex": "Print the sum.\n",
    "notes.tex": "In the first example $1+2+3=6$.\n",
    "name.tex": "Sum of Numbers\n",
}


def make_package(root: Path, kind: str = "standard", **xml: object) -> Path:
    """kind: "standard" (generated tests and all answers left out), "full", or "windows"."""
    root.mkdir(parents=True, exist_ok=True)
    full = kind in ("full", "windows")
    eol = "\r\n" if kind == "windows" else "\n"

    def write(rel: str, text: str) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.replace("\n", eol).encode())

    write("problem.xml", problem_xml(**xml))  # type: ignore[arg-type]
    (root / "files").mkdir(exist_ok=True)
    shutil.copyfile(TESTLIB, root / "files" / "testlib.h")
    write("files/gen.cpp", GEN_CPP)
    write("files/check.cpp", CHECK_CPP)
    for path, (_, _, source) in SOLUTIONS.items():
        write(path, source)
        write(path + ".desc", f"File name: {Path(path).name}\nTag: X\n")
    for name, text in STATEMENT.items():
        write(f"statement-sections/english/{name}", text)
    inputs = SAMPLES + (FULL_INPUTS if full else [])
    for i, text in enumerate(inputs, 1):
        write(f"tests/{i:02d}", text)
        if full:
            write(f"tests/{i:02d}.a", answer_of(text))
    write("doall.bat" if kind == "windows" else "doall.sh", "rem generated by Polygon\n")
    return root

"""Codeforces Polygon packages: a directory with `problem.xml`.

What is read, and where from (`docs/polygon.md` has the details):

* names: `<names><name language value>` (English first; all kept in meta); the id is the
  problem's `short-name`, else the directory name.
* limits: the `tests` testset of `<judging>`: `time-limit` in ms, `memory-limit` in bytes.
* tests: `input-path-pattern` / `answer-path-pattern` (printf patterns, `tests/%02d` simply
  grows to `tests/100`); every test is a hidden test, as Codeforces judges them all, and the
  `sample="true"` ones are also the examples. Groups and points are kept (test groups in
  TestCase.group, points and group policies in meta).
* tests the package lists as generated but does not contain, answers it does not contain,
  and CRLF test files (Windows packages) are produced once in the sandbox and cached
  (`alphasolve.formats.polygon_build`), with a warning saying so.
* checker: `std::` checkers whose semantics a built-in reproduces exactly become that
  built-in (judges/checkers/testlib_std.py); any other checker is the package's own source,
  compiled against its own `testlib.h` and run in the testlib convention. The interactor
  (`<assets><interactor>`) likewise, making the problem interactive.
* statements: `statement-sections/<lang>/*.tex`, else `statements/<lang>/problem-properties.json`,
  else `statements/<lang>/problem.tex`, English first; LaTeX becomes text as for Kattis.
* solutions: every `<solution tag>` with its source, kept with the kind its tag promises;
  binaries (`*.exe`) are never needed.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alphasolve.errors import ProblemError
from alphasolve.formats.common import read_text
from alphasolve.formats.polygon_statement import statement_examples, statement_parts
from alphasolve.problem import (
    Blob,
    CheckerKind,
    CheckerSpec,
    Convention,
    Problem,
    Solution,
    SolutionKind,
    TestCase,
)

if TYPE_CHECKING:
    from judges.judge import Judge

__all__ = [
    "NAME",
    "STD_CHECKERS",
    "TAG_KINDS",
    "Package",
    "load",
    "load_problem",
    "matches",
    "parse",
]

NAME = "polygon"

# std:: checkers with a built-in of exactly their semantics; the others (uncmp, acmp, dcmp,
# rncmp, casewcmp, ...) run from the package's own source.
STD_CHECKERS: dict[str, CheckerSpec] = {
    "wcmp": CheckerSpec(CheckerKind.WCMP),
    "ncmp": CheckerSpec(CheckerKind.NCMP),
    "lcmp": CheckerSpec(CheckerKind.LCMP),
    "fcmp": CheckerSpec(CheckerKind.FCMP),
    "hcmp": CheckerSpec(CheckerKind.HCMP),
    "rcmp4": CheckerSpec(CheckerKind.RCMP, abs_tol=1e-4),
    "rcmp6": CheckerSpec(CheckerKind.RCMP, abs_tol=1e-6),
    "rcmp9": CheckerSpec(CheckerKind.RCMP, abs_tol=1e-9),
    "yesno": CheckerSpec(CheckerKind.YESNO),
    "nyesno": CheckerSpec(CheckerKind.NYESNO),
}
# Polygon's solution tags. Codeforces shows a presentation error as a wrong answer, and so
# does the judge; "failed" (the checker must fail) and "rejected" promise only a rejection.
TAG_KINDS: dict[str, SolutionKind] = {
    "main": SolutionKind.ACCEPTED,
    "accepted": SolutionKind.ACCEPTED,
    "wrong-answer": SolutionKind.WRONG_ANSWER,
    "presentation-error": SolutionKind.WRONG_ANSWER,
    "time-limit-exceeded": SolutionKind.TIME_LIMIT,
    "memory-limit-exceeded": SolutionKind.MEMORY_LIMIT,
    "time-limit-exceeded-or-accepted": SolutionKind.TIME_LIMIT_OR_ACCEPTED,
    "time-limit-exceeded-or-memory-limit-exceeded": SolutionKind.TIME_OR_MEMORY_LIMIT,
    "rejected": SolutionKind.INCORRECT,
    "failed": SolutionKind.INCORRECT,
}


@dataclass(frozen=True)
class PolygonTest:
    index: int  # 1-based, as the path patterns number them
    input: Path
    answer: Path
    method: str  # "manual" or "generated"
    cmd: str = ""
    sample: bool = False
    group: str = ""
    points: float | None = None

    @property
    def name(self) -> str:
        return self.input.name


@dataclass(frozen=True)
class Package:
    """problem.xml, parsed: what the package promises, before anything is generated."""

    root: Path
    id: str
    names: dict[str, str]
    time_limit: float
    memory_limit: int
    tests: tuple[PolygonTest, ...]
    groups: tuple[dict[str, Any], ...]
    checker: CheckerSpec
    interactor: CheckerSpec | None
    executables: dict[str, Path]  # generator name ("gen") -> source
    solutions: tuple[tuple[str, Path, str], ...]  # (tag, source, Polygon source type)
    tags: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def main_solution(self) -> tuple[Path, str] | None:
        return next(((p, t) for tag, p, t in self.solutions if tag == "main"), None)


def matches(path: Path) -> bool:
    return path.is_dir() and (path / "problem.xml").is_file()


def load(path: Path) -> Iterator[Problem | ProblemError]:
    try:
        yield load_problem(path)
    except ProblemError as exc:
        yield exc


def load_problem(root: Path, judge: Judge | None = None) -> Problem:
    """Parse the package, produce (once, cached) what it lacks, and return the Problem.
    `judge`: the judges.Judge to build with (default: the shared one)."""
    # imported here: parsing a package needs no judge, and most packages need no building
    from alphasolve.formats import polygon_build

    package = parse(root)
    built = polygon_build.build(package, judge)
    return _problem(package, built)


# -- problem.xml ----------------------------------------------------------------------------


def parse(root: Path) -> Package:
    xml_path = root / "problem.xml"
    try:
        top = ET.fromstring(xml_path.read_bytes())
    except ET.ParseError as exc:
        raise ProblemError(xml_path, f"invalid XML: {exc}", line=exc.position[0]) from None
    except OSError as exc:
        raise ProblemError(xml_path, f"cannot read: {exc.strerror}") from None
    if top.tag != "problem":
        raise ProblemError(xml_path, f"expected a <problem> element, found <{top.tag}>")
    warnings: list[str] = []
    names = {
        n.get("language", ""): n.get("value", "")
        for n in top.findall("./names/name")
        if n.get("value")
    }
    judging = top.find("judging")
    if judging is None:
        raise ProblemError(xml_path, "no <judging> element", field="judging")
    for attr in ("input-file", "output-file"):
        value = judging.get(attr, "")
        if value not in ("", "stdin", "stdout"):
            raise ProblemError(
                xml_path,
                f"the program must use the file {value!r}: file input/output is not supported",
                field=f"judging/@{attr}",
            )
    testset = judging.find("testset[@name='tests']")
    if testset is None:
        testset = judging.find("testset")
        if testset is None:
            raise ProblemError(xml_path, "no <testset> in <judging>", field="judging/testset")
        warnings.append(f"no testset named 'tests': using {testset.get('name')!r}")
    where = f"judging/testset[@name='{testset.get('name', '')}']"
    time_ms = _number(testset, "time-limit", xml_path, where)
    memory_bytes = _number(testset, "memory-limit", xml_path, where)
    tests = _tests(root, testset, xml_path, where)
    assets = top.find("assets")
    checker = _checker(root, assets, xml_path, warnings)
    interactor = _interactor(root, assets, xml_path)
    return Package(
        root=root,
        id=top.get("short-name") or root.name,
        names=names,
        time_limit=time_ms / 1000,
        memory_limit=math.ceil(memory_bytes / 2**20),
        tests=tests,
        groups=_groups(testset),
        checker=checker,
        interactor=interactor,
        executables=_executables(root, top),
        solutions=_solutions(root, assets, warnings),
        tags=tuple(t.get("value", "") for t in top.findall("./tags/tag") if t.get("value")),
        warnings=tuple(warnings),
        meta={"url": top.get("url", ""), "revision": top.get("revision", "")},
    )


def _number(node: ET.Element, tag: str, xml_path: Path, where: str) -> float:
    text = (node.findtext(tag) or "").strip()
    try:
        value = float(text)
    except ValueError:
        raise ProblemError(
            xml_path, f"expected a number, got {text!r}", field=f"{where}/{tag}"
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise ProblemError(xml_path, f"must be positive, got {text}", field=f"{where}/{tag}")
    return value


def _pattern(testset: ET.Element, tag: str, xml_path: Path, where: str) -> str:
    pattern = (testset.findtext(tag) or "").strip()
    try:
        pattern % 1
    except (TypeError, ValueError):
        raise ProblemError(
            xml_path, f"not a printf pattern with one number: {pattern!r}", field=f"{where}/{tag}"
        ) from None
    if not pattern or ".." in Path(pattern).parts or Path(pattern).is_absolute():
        raise ProblemError(xml_path, f"bad path pattern {pattern!r}", field=f"{where}/{tag}")
    return pattern


def _tests(root: Path, testset: ET.Element, xml_path: Path, where: str) -> tuple[PolygonTest, ...]:
    inputs = _pattern(testset, "input-path-pattern", xml_path, where)
    answers = _pattern(testset, "answer-path-pattern", xml_path, where)
    nodes = testset.findall("./tests/test")
    count = (testset.findtext("test-count") or "").strip()
    if count and count.isdigit() and int(count) != len(nodes):
        raise ProblemError(
            xml_path,
            f"test-count says {count} but {len(nodes)} <test> elements follow",
            field=f"{where}/test-count",
        )
    tests = []
    for i, node in enumerate(nodes, 1):
        method = node.get("method", "manual")
        inp = root / (inputs % i)
        if node.get("from-file"):
            raise ProblemError(
                xml_path,
                f"test {i}: tests taken from a generator's output files (from-file) are not supported",
                field=f"{where}/tests/test[{i}]",
            )
        if method == "generated" and not node.get("cmd") and not inp.is_file():
            raise ProblemError(
                xml_path, f"test {i}: generated, but no cmd", field=f"{where}/tests/test[{i}]"
            )
        if method != "generated" and not inp.is_file():
            raise ProblemError(
                inp, f"test {i} ({method}) is missing: {inputs!r} matches no file for it"
            )
        points = node.get("points")
        tests.append(
            PolygonTest(
                index=i,
                input=inp,
                answer=root / (answers % i),
                method=method,
                cmd=node.get("cmd", ""),
                sample=node.get("sample") == "true",
                group=node.get("group", ""),
                points=float(points) if points else None,
            )
        )
    if not tests:
        raise ProblemError(xml_path, "the testset lists no tests", field=f"{where}/tests")
    return tuple(tests)


def _groups(testset: ET.Element) -> tuple[dict[str, Any], ...]:
    return tuple(
        {
            "name": g.get("name", ""),
            "points": float(g.get("points") or 0),
            "points_policy": g.get("points-policy", ""),
            "feedback_policy": g.get("feedback-policy", ""),
            "dependencies": [d.get("group", "") for d in g.findall("./dependencies/dependency")],
        }
        for g in testset.findall("./groups/group")
    )


def _source(root: Path, node: ET.Element | None) -> tuple[Path, str] | None:
    src = node.find("source") if node is not None else None
    if src is None or not src.get("path"):
        return None
    return root / src.get("path", ""), src.get("type", "")


def _program_spec(path: Path, kind: str, xml_path: Path, field_name: str) -> CheckerSpec:
    """A checker or interactor source the judge can build: C++ with its testlib.h, or Python."""
    if not path.is_file():
        raise ProblemError(xml_path, f"the {kind} source {path.name} is missing", field=field_name)
    if path.suffix not in (".cpp", ".cc", ".cxx", ".py"):
        raise ProblemError(
            path, f"the {kind} is in a language the judge cannot build (only C++ and Python)"
        )
    includes = path.suffix != ".py" and re.search(
        r'#\s*include\s*[<"]testlib\.h[>"]', read_text(path)
    )
    if includes and not (path.parent / "testlib.h").is_file():
        raise ProblemError(
            path, f"missing testlib.h: the {kind} includes it, and {path.parent.name}/ has none"
        )
    return CheckerSpec(kind=CheckerKind.CUSTOM, program=path, convention=Convention.TESTLIB)


def _checker(
    root: Path, assets: ET.Element | None, xml_path: Path, warnings: list[str]
) -> CheckerSpec:
    node = assets.find("checker") if assets is not None else None
    if node is None:
        raise ProblemError(xml_path, "no <checker> in <assets>", field="assets/checker")
    name = node.get("name", "")
    std = name.removeprefix("std::").removesuffix(".cpp") if name.startswith("std::") else None
    if std in STD_CHECKERS:
        return STD_CHECKERS[std]
    source = _source(root, node)
    if source is None:
        raise ProblemError(xml_path, f"checker {name!r} has no <source>", field="assets/checker")
    if std is not None:
        warnings.append(f"std::{std} has no exact built-in: using the package's {source[0].name}")
    return _program_spec(source[0], "checker", xml_path, "assets/checker/source")


def _interactor(root: Path, assets: ET.Element | None, xml_path: Path) -> CheckerSpec | None:
    node = assets.find("interactor") if assets is not None else None
    if node is None:
        return None
    source = _source(root, node)
    if source is None:
        raise ProblemError(xml_path, "the interactor has no <source>", field="assets/interactor")
    return _program_spec(source[0], "interactor", xml_path, "assets/interactor/source")


def _executables(root: Path, top: ET.Element) -> dict[str, Path]:
    out = {}
    for node in top.findall("./files/executables/executable"):
        source = _source(root, node)
        if source is not None:
            out[source[0].stem] = source[0]
    return out


def _solutions(
    root: Path, assets: ET.Element | None, warnings: list[str]
) -> tuple[tuple[str, Path, str], ...]:
    found = []
    nodes = assets.findall("./solutions/solution") if assets is not None else []
    for node in nodes:
        tag = node.get("tag", "")
        source = _source(root, node)
        if source is None:
            continue
        if tag not in TAG_KINDS:
            warnings.append(f"solution {source[0].name}: unknown tag {tag!r}, not kept")
            continue
        if not source[0].is_file():
            warnings.append(f"solution {source[0].name} ({tag}) is missing, not kept")
            continue
        found.append((tag, source[0], source[1]))
    found.sort(key=lambda s: s[0] != "main")  # the main solution first
    return tuple(found)


# -- the Problem ----------------------------------------------------------------------------


def language_of(source_type: str, path: Path) -> str:
    """The judge's language for a Polygon source type (`cpp.g++17`, `python.3`, ...)."""
    kind, _, variant = source_type.partition(".")
    if kind == "cpp" or (not source_type and path.suffix in (".cpp", ".cc")):
        return "cpp17"
    if kind == "python" or (not source_type and path.suffix == ".py"):
        if variant.startswith("pypy"):
            return "pypy" + variant[4:]
        return "python2" if variant == "2" else "python3"
    return re.sub(r"[^a-z]", "", kind) or path.suffix.lstrip(".") or "unknown"


@dataclass(frozen=True)
class Built:
    """What polygon_build produced: the files to use for each test, and what it did."""

    inputs: dict[int, Path]
    answers: dict[int, Path | None]
    warnings: tuple[str, ...] = ()


def _problem(package: Package, built: Built) -> Problem:
    tests = []
    points = {}
    for t in package.tests:
        answer = built.answers.get(t.index)
        case = TestCase(
            t.name,
            Blob.file(built.inputs[t.index]),
            Blob.file(answer) if answer else None,
            t.group,
        )
        tests.append(case)
        if t.points is not None:
            points[case.label] = t.points
    examples = tuple(c for c, t in zip(tests, package.tests, strict=True) if t.sample)
    examples = examples or statement_examples(package.root)
    warnings = list(package.warnings) + list(built.warnings)
    parts, names = statement_parts(package.root, warnings)
    name = names or next(iter(package.names.values()), "")
    return Problem(
        id=package.id,
        name=package.names.get("english") or name or package.id,
        statement=parts["legend"],
        input_spec=parts["input"],
        output_spec=parts["output"],
        notes=parts["notes"],
        examples=examples,
        hidden_tests=tuple(tests),
        time_limit=package.time_limit,
        memory_limit=package.memory_limit,
        source_format=NAME,
        source_path=package.root,
        checker=package.checker,
        tags=package.tags,
        solutions=tuple(
            Solution(language_of(kind, path), Blob.file(path), TAG_KINDS[tag], _rel(package, path))
            for tag, path, kind in package.solutions
        ),
        warnings=tuple(warnings),
        meta={
            **package.meta,
            "names": package.names,
            "points": points,
            "groups": list(package.groups),
            "main_solution": _rel(package, package.main_solution[0])
            if package.main_solution
            else None,
        },
        interactive=package.interactor is not None,
        interactor=package.interactor,
    )


def _rel(package: Package, path: Path) -> str:
    try:
        return path.relative_to(package.root).as_posix()
    except ValueError:
        return path.name

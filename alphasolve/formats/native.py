"""The native format: a directory with problem.yaml (see docs/native-format.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from alphasolve.errors import ProblemError
from alphasolve.formats.common import (
    FieldReader,
    pair_tests,
    read_text,
    read_yaml,
    solutions_in,
    split_statement,
)
from alphasolve.problem import Blob, CheckerKind, CheckerSpec, Convention, Problem, TestCase
from judges.checkers.program import checker_headers
from judges.executors import EXECUTORS

NAME = "native"
_KNOWN_KEYS = {
    "id", "name", "time_limit", "memory_limit", "rating", "tags", "checker", "examples",
    "statement", "meta", "interactor",
}  # fmt: skip


def matches(path: Path) -> bool:
    # A Kattis package also has problem.yaml, but keeps its tests under data/.
    return path.is_dir() and (path / "problem.yaml").is_file() and not (path / "data").is_dir()


def load(path: Path) -> Iterator[Problem | ProblemError]:
    try:
        yield load_problem(path)
    except ProblemError as exc:
        yield exc


def load_problem(root: Path) -> Problem:
    yml = root / "problem.yaml"
    data = read_yaml(yml)
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise ProblemError(
            yml, f"unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(_KNOWN_KEYS))}"
        )
    f = FieldReader(data, yml)
    pid = f.str("id", root.name)
    statement_file = root / f.str("statement", "statement.md")
    if statement_file.is_file():
        legend, input_spec, output_spec, notes = split_statement(read_text(statement_file))
    elif f.has("statement"):
        raise ProblemError(
            yml, f"statement file {statement_file.name} does not exist", field="statement"
        )
    else:
        legend = input_spec = output_spec = notes = ""
    examples = _inline_examples(f) + pair_tests(root / "examples", "examples")
    meta = f.mapping("meta")
    interactor = parse_interactor(f, root)
    return Problem(
        id=pid,
        name=f.str("name", required=True),
        statement=legend,
        input_spec=input_spec,
        output_spec=output_spec,
        notes=notes,
        examples=examples,
        hidden_tests=pair_tests(root / "tests", "tests"),
        time_limit=f.number("time_limit", required=True, positive=True),  # type: ignore[arg-type]
        memory_limit=int(f.number("memory_limit", required=True, positive=True)),  # type: ignore[arg-type]
        source_format=NAME,
        source_path=root,
        checker=parse_checker(f, root),
        tags=f.str_list("tags"),
        rating=f.int("rating"),
        solutions=solutions_in(root / "solutions"),
        meta=dict(meta.data) if meta else {},
        interactive=interactor is not None,
        interactor=interactor,
    )


def _inline_examples(f: FieldReader) -> tuple[TestCase, ...]:
    raw = f.data.get("examples")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ProblemError(f.path, "expected a list of {input, output} mappings", field="examples")
    out = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise ProblemError(
                f.path, "expected a mapping with input and output", field=f"examples[{i}]"
            )
        e = FieldReader(item, f.path, f"examples[{i}].")
        out.append(
            TestCase(
                f"inline-{i + 1}",
                Blob.of(e.str("input", required=True)),
                Blob.of(e.str("output", required=True)),
            )
        )
    return tuple(out)


def parse_checker(f: FieldReader, root: Path) -> CheckerSpec:
    raw = f.data.get("checker")
    if raw is None:
        return CheckerSpec()
    if isinstance(raw, str):
        raw = {"type": raw}
    if not isinstance(raw, dict):
        raise ProblemError(
            f.path, "expected a checker name or a mapping with 'type'", field="checker"
        )
    c = FieldReader(raw, f.path, "checker.")
    kind_name = c.str("type", required=True)
    try:
        kind = CheckerKind(kind_name)
    except ValueError:
        known = ", ".join(k.value for k in CheckerKind)
        raise ProblemError(
            f.path, f"unknown checker {kind_name!r}; known: {known}", field="checker.type"
        ) from None
    if kind is not CheckerKind.CUSTOM:
        return CheckerSpec(
            kind=kind,
            case_sensitive=c.bool("case_sensitive", True),
            abs_tol=c.number("abs_tol", 0.0) or 0.0,
            rel_tol=c.number("rel_tol", 0.0) or 0.0,
        )
    return _program_spec(c, root, "checker")


def parse_interactor(f: FieldReader, root: Path) -> CheckerSpec | None:
    """`interactor: {program: interactor.py, convention: kattis}` (an interactive problem)."""
    raw = f.data.get("interactor")
    if raw is None:
        return None
    if isinstance(raw, str):
        raw = {"program": raw}
    if not isinstance(raw, dict):
        raise ProblemError(
            f.path, "expected a program name or a mapping with 'program'", field="interactor"
        )
    return _program_spec(FieldReader(raw, f.path, "interactor."), root, "interactor")


def _program_spec(c: FieldReader, root: Path, role: str) -> CheckerSpec:
    """A checker's or interactor's program: its source file, convention and extra args."""
    program = root / c.str("program", required=True)
    if not program.is_file():
        raise ProblemError(
            c.path, f"{role} program {program.name} does not exist", field=f"{role}.program"
        )
    conv_name = c.str("convention", Convention.TESTLIB.value)
    try:
        convention = Convention(conv_name)
    except ValueError:
        known = ", ".join(k.value for k in Convention)
        raise ProblemError(
            c.path, f"unknown convention {conv_name!r}; known: {known}", field=f"{role}.convention"
        ) from None
    return CheckerSpec(
        kind=CheckerKind.CUSTOM, program=program, convention=convention, args=c.str_list("args")
    )


def write_problem(problem: Problem, root: Path) -> Path:
    """Write any loaded problem in the native format (a Kattis package or a CodeContests row
    becomes a directory that `load_problem` reads back to the same problem)."""
    root.mkdir(parents=True, exist_ok=True)
    data: dict[str, object] = {
        "id": problem.id,
        "name": problem.name,
        "time_limit": problem.time_limit,
        "memory_limit": problem.memory_limit,
    }
    if problem.rating is not None:
        data["rating"] = problem.rating
    if problem.tags:
        data["tags"] = list(problem.tags)
    spec = problem.checker
    if spec.kind is CheckerKind.CUSTOM:
        checker: dict[str, object] = {"type": "custom", **_write_program(spec, root, "checker")}
    else:
        checker = {"type": str(spec.kind), "case_sensitive": spec.case_sensitive}
        if spec.kind is CheckerKind.FLOATS:
            checker |= {"abs_tol": spec.abs_tol, "rel_tol": spec.rel_tol}
    data["checker"] = checker
    if problem.interactor is not None:
        data["interactor"] = _write_program(problem.interactor, root, "interactor")
    if problem.meta:
        data["meta"] = dict(problem.meta)
    (root / "problem.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    sections = [problem.statement.strip()]
    for title, text in (
        ("Input", problem.input_spec),
        ("Output", problem.output_spec),
        ("Note", problem.notes),
    ):
        if text.strip():
            sections.append(f"## {title}\n\n{text.strip()}")
    (root / "statement.md").write_text("\n\n".join(sections) + "\n")
    for folder, tests in (("examples", problem.examples), ("tests", problem.hidden_tests)):
        (root / folder).mkdir(exist_ok=True)
        for i, test in enumerate(tests, 1):
            stem = root / folder / f"{i:03d}"
            stem.with_suffix(".in").write_bytes(test.input.read())
            stem.with_suffix(".ans").write_bytes(test.answer.read() if test.answer else b"")
    by_kind: dict[str, int] = {}
    for sol in problem.solutions:
        executor = EXECUTORS.get(sol.language)
        if executor is None:
            continue  # languages the judge does not run are not written
        suffix = executor.suffixes[0]
        folder = (
            root / "solutions"
            if sol.kind.value == "accepted"
            else root / "solutions" / sol.kind.value
        )
        folder.mkdir(parents=True, exist_ok=True)
        n = by_kind[sol.kind.value] = by_kind.get(sol.kind.value, 0) + 1
        (folder / f"solution{n}{suffix}").write_bytes(sol.source.read())
    return root


def _write_program(spec: CheckerSpec, root: Path, role: str) -> dict[str, object]:
    """Copy a checker's or interactor's source (and the headers beside it) into `root`."""
    assert spec.program is not None
    target = root / f"{role}{spec.program.suffix}"
    target.write_bytes(spec.program.read_bytes())
    for header in checker_headers(spec.program):  # .h and .hpp: what the judge compiles with
        (root / header.name).write_bytes(header.read_bytes())
    out: dict[str, object] = {"program": target.name, "convention": str(spec.convention)}
    if spec.args:
        out["args"] = list(spec.args)
    return out

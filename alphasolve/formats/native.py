"""The native format: a directory with problem.yaml (see docs/native-format.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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

NAME = "native"
_KNOWN_KEYS = {
    "id", "name", "time_limit", "memory_limit", "rating", "tags", "checker", "examples",
    "statement", "meta",
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
    examples = _inline_examples(f) + pair_tests(root / "examples")
    meta = f.mapping("meta")
    return Problem(
        id=pid,
        name=f.str("name", required=True),
        statement=legend,
        input_spec=input_spec,
        output_spec=output_spec,
        notes=notes,
        examples=examples,
        hidden_tests=pair_tests(root / "tests"),
        time_limit=f.number("time_limit", required=True, positive=True),  # type: ignore[arg-type]
        memory_limit=int(f.number("memory_limit", required=True, positive=True)),  # type: ignore[arg-type]
        source_format=NAME,
        source_path=root,
        checker=parse_checker(f, root),
        tags=f.str_list("tags"),
        rating=f.int("rating"),
        solutions=solutions_in(root / "solutions"),
        meta=dict(meta.data) if meta else {},
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
    program = root / c.str("program", required=True)
    if not program.is_file():
        raise ProblemError(
            f.path, f"checker program {program.name} does not exist", field="checker.program"
        )
    conv_name = c.str("convention", Convention.TESTLIB.value)
    try:
        convention = Convention(conv_name)
    except ValueError:
        known = ", ".join(k.value for k in Convention)
        raise ProblemError(
            f.path, f"unknown convention {conv_name!r}; known: {known}", field="checker.convention"
        ) from None
    return CheckerSpec(kind=kind, program=program, convention=convention, args=c.str_list("args"))

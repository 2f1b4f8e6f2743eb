"""Writing problems: the native directory format (docs/native-format.md) and JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

from .model import BuiltProblem, Outcome, Test, Variant

EXT = {"python3": "py", "cpp17": "cpp"}


def _yaml_value(v: object) -> str:
    # JSON scalars and flow collections are valid YAML and need no YAML library.
    return json.dumps(v, ensure_ascii=False)


def problem_yaml(p: BuiltProblem) -> str:
    lines = [
        f"name: {_yaml_value(p.name)}",
        f"id: {_yaml_value(p.id)}",
        f"time_limit: {p.time_limit}",
        "memory_limit: 256",
        f"rating: {p.rating}",
        f"tags: {_yaml_value(p.tags)}",
        "checker: tokens",
        "meta:",
    ]
    lines += [f"  {k}: {_yaml_value(v)}" for k, v in p.meta.items()]
    return "\n".join(lines) + "\n"


def statement_md(p: BuiltProblem) -> str:
    return f"{p.legend.strip()}\n\n## Input\n\n{p.input_spec.strip()}\n\n## Output\n\n{p.output_spec.strip()}\n"


def write_native(p: BuiltProblem, root: Path) -> Path:
    d = root / p.id
    (d / "examples").mkdir(parents=True, exist_ok=True)
    (d / "tests").mkdir(exist_ok=True)
    (d / "solutions").mkdir(exist_ok=True)
    (d / "problem.yaml").write_text(problem_yaml(p))
    (d / "statement.md").write_text(statement_md(p))
    for group, tests in (("examples", p.examples), ("tests", p.tests)):
        for t in tests:
            (d / group / f"{t.name}.in").write_text(t.input)
            (d / group / f"{t.name}.ans").write_text(t.answer)
    for lang, code in p.solutions.items():
        (d / "solutions" / f"main.{EXT[lang]}").write_text(code)
    for v, codes in p.incorrect:
        sub = d / "solutions" / str(v.outcome)
        sub.mkdir(exist_ok=True)
        for lang, code in codes.items():
            (sub / f"{v.name}.{EXT[lang]}").write_text(code)
    return d


def to_json(p: BuiltProblem) -> dict[str, object]:
    return {
        "id": p.id,
        "name": p.name,
        "statement": p.full_statement(),
        "legend": p.legend,
        "input_spec": p.input_spec,
        "output_spec": p.output_spec,
        "rating": p.rating,
        "tags": p.tags,
        "time_limit": p.time_limit,
        "solutions": p.solutions,
        "incorrect_solutions": [
            {"name": v.name, "outcome": str(v.outcome), "language": lang, "code": code}
            for v, codes in p.incorrect
            for lang, code in codes.items()
        ],
        "examples": [{"input": t.input, "output": t.answer} for t in p.examples],
        "test_inputs": p.gen_inputs,
        "meta": p.meta,
    }


def read_native(d: Path) -> BuiltProblem:
    """A problem written by write_native, read back (to re-verify committed files)."""
    top: dict[str, object] = {}
    meta: dict[str, object] = {}
    for line in (d / "problem.yaml").read_text().splitlines():
        key, _, value = line.strip().partition(": ")
        if value:
            try:
                parsed: object = json.loads(value)
            except json.JSONDecodeError:  # a bare YAML word such as `tokens`
                parsed = value
            (meta if line.startswith("  ") else top)[key] = parsed
    md = (d / "statement.md").read_text()
    legend, _, rest = md.partition("\n## Input\n")
    input_spec, _, output_spec = rest.partition("\n## Output\n")

    def tests(sub: str) -> list[Test]:
        return [
            Test(f.stem, f.read_text(), f.with_suffix(".ans").read_text())
            for f in sorted((d / sub).glob("*.in"))
        ]

    lang_of = {ext: lang for lang, ext in EXT.items()}
    solutions = {
        lang_of[f.suffix[1:]]: f.read_text() for f in sorted((d / "solutions").glob("main.*"))
    }
    incorrect = []
    for outcome in Outcome:
        for f in sorted((d / "solutions" / str(outcome)).glob("*.*")):
            lang = lang_of[f.suffix[1:]]
            incorrect.append((Variant(f.stem, None, outcome, (lang,)), {lang: f.read_text()}))
    return BuiltProblem(
        id=str(top["id"]),
        name=str(top["name"]),
        legend=legend.strip(),
        input_spec=input_spec.strip(),
        output_spec=output_spec.strip(),
        examples=tests("examples"),
        tests=tests("tests"),
        solutions=solutions,
        incorrect=incorrect,
        time_limit=float(top["time_limit"]),  # type: ignore[arg-type]
        rating=int(top["rating"]),
        tags=list(top["tags"]),
        meta=meta,
    )  # type: ignore[call-overload, arg-type]

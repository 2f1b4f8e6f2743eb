"""Polygon statements: `statement-sections/<lang>/*.tex` (the sources), else the built
`statements/<lang>/problem-properties.json`, else `statements/<lang>/problem.tex`; English
first. LaTeX becomes text as for Kattis; the interaction protocol follows the output
section, the scoring section the notes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from alphasolve.errors import ProblemError
from alphasolve.formats.common import read_text
from alphasolve.formats.latex import latex_to_text
from alphasolve.problem import Blob, TestCase

__all__ = ["statement_examples", "statement_parts"]

_SECTIONS = ("legend", "input", "output", "interaction", "notes", "scoring", "name")


def statement_parts(root: Path, warnings: list[str]) -> tuple[dict[str, str], str]:
    """The statement's parts as text (legend, input, output, notes), and the name it gives
    (or ""); what had to be assumed goes to `warnings`."""
    raw = _statement_sources(root, warnings)
    parts = {k: latex_to_text(v) if v else "" for k, v in raw.items()}
    output = parts.get("output", "")
    if parts.get("interaction"):
        output = "\n\n".join(p for p in (output, "Interaction", parts["interaction"]) if p)
    notes = parts.get("notes", "")
    if parts.get("scoring"):
        notes = "\n\n".join(p for p in (notes, "Scoring", parts["scoring"]) if p)
    out = {
        "legend": parts.get("legend", ""),
        "input": parts.get("input", ""),
        "output": output,
        "notes": notes,
    }
    return out, parts.get("name", "").strip()


def _language_dirs(base: Path) -> list[Path]:
    if not base.is_dir():
        return []
    dirs = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    return sorted(dirs, key=lambda p: p.name != "english")


def _statement_sources(root: Path, warnings: list[str]) -> dict[str, str]:
    for d in _language_dirs(root / "statement-sections"):
        found = {s: read_text(d / f"{s}.tex") for s in _SECTIONS if (d / f"{s}.tex").is_file()}
        if found:
            _note_language(d, warnings)
            return found
    for d in _language_dirs(root / "statements"):
        props = d / "problem-properties.json"
        if props.is_file():
            try:
                data = json.loads(read_text(props))
            except json.JSONDecodeError as exc:
                raise ProblemError(props, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
            if not isinstance(data, dict):
                raise ProblemError(props, "expected a JSON object")
            _note_language(d, warnings)
            return {s: data[s] for s in _SECTIONS if isinstance(data.get(s), str)}
    for d in _language_dirs(root / "statements"):
        tex = d / "problem.tex"
        if tex.is_file():
            _note_language(d, warnings)
            return _split_problem_tex(read_text(tex))
    warnings.append("no statement (statement-sections/, statements/<lang>/): statement left empty")
    return {}


def statement_examples(root: Path) -> tuple[TestCase, ...]:
    """`example.01` / `example.01.a` beside the statement: the examples when no test is
    marked as a sample."""
    for base in ("statement-sections", "statements"):
        for d in _language_dirs(root / base):
            pairs = [
                (p, p.with_name(p.name + ".a"))
                for p in sorted(d.glob("example.[0-9]*"))
                if p.suffix != ".a" and p.with_name(p.name + ".a").is_file()
            ]
            if pairs:
                return tuple(
                    TestCase(i.name, Blob.file(i), Blob.file(a), "examples") for i, a in pairs
                )
    return ()


def _note_language(d: Path, warnings: list[str]) -> None:
    if d.name != "english":
        warnings.append(f"no English statement: using {d.parent.name}/{d.name}")


_OLYMP = re.compile(
    r"\\(InputFile|OutputFile|Interaction|Note|Notes|Scoring|Examples|Example|exmp\w*)\b"
)
_OLYMP_KIND = {"InputFile": "input", "OutputFile": "output", "Interaction": "interaction",
               "Note": "notes", "Notes": "notes", "Scoring": "scoring"}  # fmt: skip


def _split_problem_tex(source: str) -> dict[str, str]:
    """Polygon's built statement (olymp.sty): \\begin{problem}{name}... \\InputFile ..."""
    source = source.replace("\r\n", "\n")
    m = re.search(r"\\begin\{problem\}\{([^{}]*)\}", source)
    name = m.group(1) if m else ""
    body = source[m.end() :] if m else source
    body = re.sub(r"^(\{[^{}]*\})*", "", body)  # the remaining {input}{output}{tl}{ml}
    body = body.split("\\end{problem}")[0]
    parts: dict[str, list[str]] = {"legend": []}
    current, pos = "legend", 0
    for m in _OLYMP.finditer(body):
        parts.setdefault(current, []).append(body[pos : m.start()])
        pos = m.end()
        current = _OLYMP_KIND.get(m.group(1), "examples")
    parts.setdefault(current, []).append(body[pos:])
    out = {k: "".join(v) for k, v in parts.items() if k != "examples"}
    out["name"] = name
    return out

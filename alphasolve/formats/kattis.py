"""Kattis / ICPC problem packages: the legacy format and the 2023-07 draft.

A package is a directory with `data/` and `problem.yaml` (or a statement directory). What is
read, and where from:

* name: `problem.yaml` `name` (a string, or a language -> name mapping: English first), else
  the statement's `\\problemname`, else the directory name. The id is the directory name.
* statement: `statement/` (2023-07) or `problem_statement/` (legacy), `problem.en.md`,
  `problem.en.tex`, `problem.md`, `problem.tex`, then any other language (with a warning).
  LaTeX becomes plain text (`alphasolve.formats.latex`); both are split at Input/Output.
* tests: `data/sample/**` are the examples, `data/secret/**` the hidden tests; a test group is
  the sub-directory (`secret/group1`). Test files are never read at load time.
* time limit: `limits.time_limit` (2023-07; also read in legacy files that carry it), else a
  `.timelimit` file, else `domjudge-problem.ini` `timelimit`, else DEFAULT_TIME_LIMIT with a
  warning: legacy Kattis derives its limit from the judge solutions' run times, which a
  package does not store.
* memory: `limits.memory` (MiB), else DEFAULT_MEMORY_LIMIT (the format's system default).
* checker: the default validator's flags (`validator_flags` in problem.yaml, plus
  `output_validator_flags` / `output_validator_args` in `data/` or `data/secret/`
  `testdata.yaml` / `test_group.yaml`) map onto TOKENS (case-insensitive, as Kattis),
  FLOATS or EXACT; a custom validator (`output_validators/` legacy with `validation: custom`,
  `output_validator/` 2023-07) becomes CUSTOM in the Kattis convention with the flags as args.
* submissions: `submissions/{accepted,wrong_answer,time_limit_exceeded,run_time_error}/*`.

* interactive (`validation: custom interactive` legacy, `type: interactive` 2023-07): the
  output validator is the interactor, in the Kattis convention (`Problem.interactor`).

Multi-pass and submit-answer problems are reported as not supported yet (a ProblemError),
never judged as if they were batch problems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alphasolve.errors import ProblemError
from alphasolve.formats.common import (
    LANGUAGE_BY_SUFFIX,
    FieldReader,
    pair_tests,
    read_text,
    read_yaml,
    split_statement,
)
from alphasolve.formats.latex import StatementParts, render_markdown_math, split_latex_statement
from alphasolve.problem import (
    Blob,
    CheckerKind,
    CheckerSpec,
    Convention,
    Problem,
    Solution,
    SolutionKind,
)

__all__ = ["DEFAULT_MEMORY_LIMIT", "DEFAULT_TIME_LIMIT", "NAME", "load", "load_problem", "matches"]

NAME = "kattis"
DEFAULT_TIME_LIMIT = 1.0  # seconds, when the package stores no time limit (with a warning)
DEFAULT_MEMORY_LIMIT = 2048  # MiB: the package format's "typical system default"

_TYPES = ("pass-fail", "scoring", "interactive", "multi-pass", "submit-answer")
_SUBMISSION_KINDS = {
    "accepted": SolutionKind.ACCEPTED,
    "wrong_answer": SolutionKind.WRONG_ANSWER,
    "time_limit_exceeded": SolutionKind.TIME_LIMIT,
    "run_time_error": SolutionKind.RUN_TIME_ERROR,
}
# Submissions in languages the judge does not run are kept under these names.
_OTHER_LANGUAGES = {
    ".c": "c", ".java": "java", ".kt": "kotlin", ".cs": "csharp", ".go": "go", ".rs": "rust",
    ".js": "javascript", ".rb": "ruby", ".hs": "haskell", ".scala": "scala", ".php": "php",
    ".ml": "ocaml", ".pas": "pascal", ".lua": "lua", ".swift": "swift", ".f90": "fortran",
}  # fmt: skip
_FLOAT_FLAGS = ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance")
_DEFAULT_FLAGS = ("case_sensitive", "space_change_sensitive", *_FLOAT_FLAGS)
_NOT_PROGRAM = {".h", ".hpp", ".hh", ".md", ".txt", ".pdf", ".yaml", ".yml"}


def matches(path: Path) -> bool:
    return (
        path.is_dir()
        and (path / "data").is_dir()
        and any((path / p).exists() for p in ("problem.yaml", "problem_statement", "statement"))
    )


def load(path: Path) -> Iterator[Problem | ProblemError]:
    try:
        yield load_problem(path)
    except ProblemError as exc:
        yield exc


def load_problem(root: Path) -> Problem:
    yml = root / "problem.yaml"
    warnings: list[str] = []
    if yml.is_file():
        data = read_yaml(yml)
    else:
        data = {}
        warnings.append("no problem.yaml: using the format's defaults")
    f = FieldReader(data, yml)
    version = f.str("problem_format_version", "legacy")
    legacy = version.startswith("legacy")
    custom_validation, interactive = _check_type(f, root, warnings)
    constants = _constants(f)

    statement = _statement(root, constants, warnings)
    examples = pair_tests(root / "data" / "sample", "sample", recursive=True)
    hidden = pair_tests(root / "data" / "secret", "secret", recursive=True)
    if not hidden:
        warnings.append("no hidden tests in data/secret")
    time_limit = _time_limit(f, root, warnings)
    limits = f.mapping("limits")
    memory = limits.number("memory", positive=True) if limits else None
    checker = _checker(f, root, legacy, custom_validation, warnings)
    interactor = None
    if interactive:
        if checker.kind is not CheckerKind.CUSTOM:
            raise ProblemError(
                f.path,
                "an interactive problem needs its interactor in output_validators/ "
                "(output_validator/ from 2023-07)",
                field="type" if f.has("type") else "validation",
            )
        interactor, checker = checker, CheckerSpec()

    meta: dict[str, Any] = {"problem_format_version": version}
    for key in ("source", "license", "uuid", "author", "rights_owner"):
        if isinstance(data.get(key), str):
            meta[key] = data[key]
    return Problem(
        id=root.name,
        name=_name(f, root) or statement.name or root.name,
        statement=statement.legend,
        input_spec=statement.input_spec,
        output_spec=statement.output_spec,
        notes=statement.notes,
        examples=examples,
        hidden_tests=hidden,
        time_limit=time_limit,
        memory_limit=math.ceil(memory) if memory else DEFAULT_MEMORY_LIMIT,
        source_format=NAME,
        source_path=root,
        checker=checker,
        tags=_keywords(f),
        rating=f.int("rating"),
        solutions=_submissions(root, warnings),
        warnings=tuple(warnings),
        meta=meta,
        interactive=interactive,
        interactor=interactor,
    )


# -- problem.yaml ---------------------------------------------------------------------------


def _check_type(f: FieldReader, root: Path, warnings: list[str]) -> tuple[bool, bool]:
    """Reject problem types we cannot judge yet; (legacy `validation` says custom, the
    problem is interactive)."""
    raw = f.data.get("type")
    if raw is None:
        types = {"pass-fail"}
    elif isinstance(raw, str):
        types = set(raw.split())  # "pass-fail interactive" is allowed (2025-09)
    elif isinstance(raw, list) and raw and all(isinstance(t, str) for t in raw):
        types = set(raw)
    else:
        raise ProblemError(f.path, "expected a problem type or a list of them", field="type")
    unknown = sorted(types - set(_TYPES))
    if unknown:
        raise ProblemError(
            f.path, f"unknown problem type {unknown[0]!r}; known: {', '.join(_TYPES)}", field="type"
        )
    validation = f.str("validation", "default").split() or ["default"]
    if validation[0] not in ("default", "custom"):
        raise ProblemError(
            f.path,
            f"must begin with 'default' or 'custom', got {' '.join(validation)!r}",
            field="validation",
        )
    interactive = "interactive" in types or "interactive" in validation
    for kind in ("multi-pass", "submit-answer"):
        if kind in types:
            raise ProblemError(f.path, f"{kind} problems are not supported yet", field="type")
    for group in ("sample", "secret"):
        found = next((root / "data" / group).glob("**/*.interaction"), None)
        if found is not None and not interactive:
            raise ProblemError(
                found,
                "an .interaction sample means an interactive problem, but problem.yaml does "
                "not say so (validation: custom interactive, or type: interactive)",
            )
    if "scoring" in types or "score" in validation:
        warnings.append("scoring problem: judged pass/fail (every hidden test must pass)")
    return validation[0] == "custom", interactive


def _name(f: FieldReader, root: Path) -> str:
    raw = f.data.get("name")
    if isinstance(raw, dict):
        if not raw or not all(isinstance(v, str) for v in raw.values()):
            raise ProblemError(f.path, "expected a mapping of language to name", field="name")
        return raw.get("en") or next(iter(raw.values()))
    name = f.str("name")
    if not name:
        ini = _domjudge_ini(root)
        name = ini.get("name", ("", 0))[0]
    return name.strip()


def _constants(f: FieldReader) -> dict[str, object]:
    c = f.mapping("constants")
    return dict(c.data) if c else {}


def _keywords(f: FieldReader) -> tuple[str, ...]:
    raw = f.data.get("keywords")
    if isinstance(raw, str):  # legacy: space separated
        return tuple(t for t in re.split(r"[\s,]+", raw) if t)
    return f.str_list("keywords")


def _time_limit(f: FieldReader, root: Path, warnings: list[str]) -> float:
    limits = f.mapping("limits")
    if limits is not None:
        tl = limits.number("time_limit", positive=True)
        if tl is not None:
            return tl
    dot = root / ".timelimit"
    if dot.is_file():
        text = read_text(dot).strip()
        return _seconds(text, dot, None, None)
    ini = _domjudge_ini(root)
    if "timelimit" in ini:
        text, line = ini["timelimit"]
        return _seconds(text, root / "domjudge-problem.ini", "timelimit", line)
    warnings.append(
        f"no time limit stored (limits.time_limit, .timelimit, domjudge-problem.ini): "
        f"using the default {DEFAULT_TIME_LIMIT:g} s"
    )
    return DEFAULT_TIME_LIMIT


def _seconds(text: str, path: Path, field: str | None, line: int | None) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ProblemError(
            path, f"expected a number of seconds, got {text!r}", field=field, line=line
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise ProblemError(path, f"time limit must be positive, got {text}", field=field, line=line)
    return value


def _domjudge_ini(root: Path) -> dict[str, tuple[str, int]]:
    """`key = value` lines of domjudge-problem.ini (values may be quoted), with line numbers."""
    ini = root / "domjudge-problem.ini"
    if not ini.is_file():
        return {}
    out = {}
    for n, line in enumerate(read_text(ini).splitlines(), 1):
        line = line.strip()
        if not line or line.startswith((";", "#", "[")):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ProblemError(ini, f"expected 'key = value', got {line!r}", line=n)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        out[key.strip().lower()] = (value.strip(), n)
    return out


# -- statement ------------------------------------------------------------------------------


def _statement(root: Path, constants: dict[str, object], warnings: list[str]) -> StatementParts:
    pdf_only = False
    for dirname in ("statement", "problem_statement"):
        d = root / dirname
        if not d.is_dir():
            continue
        names = [f"problem.en.{e}" for e in ("md", "tex")] + [f"problem.{e}" for e in ("md", "tex")]
        chosen = next((d / n for n in names if (d / n).is_file()), None)
        if chosen is None:
            others = sorted(d.glob("problem.*.md")) + sorted(d.glob("problem.*.tex"))
            if others:
                chosen = others[0]
                warnings.append(f"no English statement: using {dirname}/{chosen.name}")
        if chosen is not None:
            text = read_text(chosen)
            if chosen.suffix == ".tex":
                return split_latex_statement(text, constants)
            md = render_markdown_math(text, constants)
            title = re.match(r"\s*#\s+(.+)", md)
            return StatementParts(title.group(1).strip() if title else "", *split_statement(md))
        pdf_only = pdf_only or any(d.glob("*.pdf"))
    if pdf_only:
        warnings.append("the statement is only a PDF, which is not read: statement left empty")
    else:
        warnings.append("no problem statement (statement/ or problem_statement/problem.*.md|tex)")
    return StatementParts("", "", "", "", "")


# -- checker --------------------------------------------------------------------------------


def _checker(
    f: FieldReader, root: Path, legacy: bool, custom_validation: bool, warnings: list[str]
) -> CheckerSpec:
    flag_sources = _validator_flags(f, root, warnings)
    flags = tuple(flag for _, _, group in flag_sources for flag in group)
    directory = next(
        (root / d for d in ("output_validator", "output_validators") if (root / d).is_dir()), None
    )
    if legacy and not custom_validation:
        if directory is not None:
            warnings.append(f"{directory.name}/ ignored: problem.yaml validation is 'default'")
        return _default_checker(flag_sources, warnings)
    if directory is None:
        if custom_validation:
            raise ProblemError(
                f.path,
                "validation is custom but there is no output_validators/",
                field="validation",
            )
        return _default_checker(flag_sources, warnings)
    program = _validator_program(directory)
    return CheckerSpec(
        kind=CheckerKind.CUSTOM, program=program, convention=Convention.KATTIS, args=flags
    )


def _validator_flags(
    f: FieldReader, root: Path, warnings: list[str]
) -> list[tuple[Path, str, list[str]]]:
    """Every place that gives the output validator flags: (file, field, flags)."""
    sources = []
    own = _flag_list(f.data.get("validator_flags"), f.path, "validator_flags")
    if own:
        sources.append((f.path, "validator_flags", own))
    data = root / "data"
    # The closest testdata.yaml / test_group.yaml above the secret tests applies to them.
    for group_dir in (data / "secret", data):
        found = _group_flags(group_dir)
        if found:
            sources.append(found)
            break
    applied = sources[-1][2] if len(sources) > (1 if own else 0) else []
    secret = data / "secret"
    for sub in sorted(p for p in secret.rglob("*") if p.is_dir()) if secret.is_dir() else []:
        found = _group_flags(sub)
        if found and found[2] != applied:
            rel = sub.relative_to(data).as_posix()
            warnings.append(f"test group {rel} sets its own validator flags: not applied")
    return sources


def _group_flags(directory: Path) -> tuple[Path, str, list[str]] | None:
    for name in ("test_group.yaml", "testdata.yaml"):
        path = directory / name
        if not path.is_file():
            continue
        group = read_yaml(path)
        for key in ("output_validator_args", "output_validator_flags"):
            value = group.get(key)
            if isinstance(value, dict):  # legacy {name: validator, flags: "..."}
                value = value.get("flags")
                key += ".flags"
            flags = _flag_list(value, path, key)
            if flags:
                return path, key, flags
    return None


def _flag_list(value: object, path: Path, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise ProblemError(path, "expected a string of flags or a list of them", field=field)


def _default_checker(
    sources: list[tuple[Path, str, list[str]]], warnings: list[str]
) -> CheckerSpec:
    case_sensitive = space_sensitive = False
    abs_tol = rel_tol = None
    for path, field, flags in sources:
        it = iter(flags)
        for flag in it:
            if flag == "case_sensitive":
                case_sensitive = True
            elif flag == "space_change_sensitive":
                space_sensitive = True
            elif flag in _FLOAT_FLAGS:
                value = _tolerance(next(it, None), flag, path, field)
                if flag != "float_relative_tolerance":
                    abs_tol = value
                if flag != "float_absolute_tolerance":
                    rel_tol = value
            else:
                known = ", ".join(_DEFAULT_FLAGS)
                raise ProblemError(
                    path, f"unknown default-validator flag {flag!r}; known: {known}", field=field
                )
    if abs_tol is not None or rel_tol is not None:
        if space_sensitive:
            warnings.append(
                "space_change_sensitive is not enforced together with a float tolerance"
            )
        return CheckerSpec(
            kind=CheckerKind.FLOATS,
            case_sensitive=case_sensitive,
            abs_tol=abs_tol or 0.0,
            rel_tol=rel_tol or 0.0,
        )
    if space_sensitive:
        return CheckerSpec(kind=CheckerKind.EXACT, case_sensitive=case_sensitive)
    return CheckerSpec(kind=CheckerKind.TOKENS, case_sensitive=case_sensitive)


def _tolerance(text: str | None, flag: str, path: Path, field: str) -> float:
    if text is None:
        raise ProblemError(path, f"{flag} needs a value", field=field)
    try:
        value = float(text)
    except ValueError:
        raise ProblemError(path, f"{flag} needs a number, got {text!r}", field=field) from None
    if not math.isfinite(value) or value < 0:
        raise ProblemError(path, f"{flag} must be a non-negative number, got {text}", field=field)
    return value


def _validator_program(directory: Path) -> Path:
    """The main source file of the package's one output validator."""
    entries = [p for p in sorted(directory.iterdir()) if not p.name.startswith(".")]
    if directory.name == "output_validators":
        # legacy: every file or directory in it is one validator program
        programs = [p for p in entries if p.is_dir() or p.suffix not in _NOT_PROGRAM]
        if not programs:
            raise ProblemError(directory, "no output validator program in it")
        if len(programs) > 1:
            names = ", ".join(p.name for p in programs)
            raise ProblemError(
                directory, f"several output validators ({names}); only one is supported"
            )
        if programs[0].is_file():
            return _supported_source(programs[0])
        return _main_source(programs[0])
    # 2023-07: the directory is the program (problemtools-era packages nest it one level down)
    subdirs = [p for p in entries if p.is_dir()]
    if not any(p.is_file() and p.suffix not in _NOT_PROGRAM for p in entries) and len(subdirs) == 1:
        return _main_source(subdirs[0])
    return _main_source(directory)


def _supported_source(path: Path) -> Path:
    if path.suffix in LANGUAGE_BY_SUFFIX:
        return path
    raise ProblemError(
        path, "the checker's language is not supported (a checker must be Python or C++)"
    )


def _main_source(directory: Path) -> Path:
    files = [p for p in sorted(directory.iterdir()) if p.is_file() and not p.name.startswith(".")]
    if any(p.name in ("build", "run") for p in files):
        raise ProblemError(directory, "checkers built by build/run scripts are not supported")
    sources = [p for p in files if p.suffix in LANGUAGE_BY_SUFFIX]
    if not sources:
        code = [p for p in files if p.suffix not in _NOT_PROGRAM]
        if code:
            raise ProblemError(
                code[0], "the checker's language is not supported (a checker must be Python or C++)"
            )
        raise ProblemError(directory, "no checker source file in it")
    if len(sources) == 1:
        return sources[0]
    main_py = directory / "__main__.py"
    if main_py in sources:
        return main_py
    with_main = [p for p in sources if re.search(r"\bmain\s*\(", read_text(p))]
    if len(with_main) == 1:
        return with_main[0]
    names = ", ".join(p.name for p in sources)
    raise ProblemError(directory, f"cannot tell which of {names} is the checker's main file")


# -- submissions ----------------------------------------------------------------------------


def _submissions(root: Path, warnings: list[str]) -> tuple[Solution, ...]:
    found: list[Solution] = []
    skipped: list[str] = []
    for dirname, kind in _SUBMISSION_KINDS.items():
        d = root / "submissions" / dirname
        if not d.is_dir():
            continue
        for path in sorted(d.iterdir()):
            if path.name.startswith("."):
                continue
            if path.is_dir():
                skipped.append(f"{dirname}/{path.name}")
            elif path.is_file():
                found.append(
                    Solution(_language(path), Blob.file(path), kind, f"{dirname}/{path.name}")
                )
    if skipped:
        warnings.append(f"multi-file submissions not kept: {', '.join(skipped)}")
    return tuple(found)


def _language(path: Path) -> str:
    if path.suffix == ".py":
        # Kattis tells Python 2 from 3 by the shebang line
        with path.open("rb") as fh:
            first = fh.readline(200)
        if re.match(rb"#!.*python2", first):
            return "python2"
    return LANGUAGE_BY_SUFFIX.get(path.suffix) or _OTHER_LANGUAGES.get(
        path.suffix, path.suffix.lstrip(".") or "unknown"
    )

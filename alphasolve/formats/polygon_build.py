"""What a Polygon package lists but does not contain, produced once in the sandbox and cached.

* generated tests (`<test method="generated" cmd="gen 5 10">`) absent from a *standard*
  package: the generator named by the command (an executable in `<files>`) is built against
  the package's own `testlib.h` and run with the command's arguments; its stdout is the test.
  testlib generators seed their random numbers from their arguments, so the result is
  deterministic; the first generated test is produced twice to make sure, else a warning.
* answers absent from the package: the `main` solution's output on the test;
* CRLF test files (*full Windows* packages): rewritten with LF, as Polygon keeps them;
* a custom checker or interactor: compiled once to report a broken one at load time.

The results live in `$ALPHASOLVE_CACHE/polygon/<id>-<hash>/` (default `~/.cache/alphasolve`),
keyed by everything they depend on (problem.xml, the generators, their headers, the main
solution, the size and time of each package test file): a second load does no work.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from alphasolve.errors import ProblemError
from alphasolve.formats.common import LANGUAGE_BY_SUFFIX
from alphasolve.formats.polygon import Built, Package, PolygonTest, language_of
from alphasolve.problem import Blob, CheckerKind, CheckerSpec
from judges.checkers.program import checker_headers
from judges.config import Limits
from judges.verdict import Verdict

if TYPE_CHECKING:
    from judges.executors import Prepared
    from judges.judge import Judge

__all__ = ["CACHE_ENV", "GENERATOR_LIMITS", "build", "cache_root"]

CACHE_ENV = "ALPHASOLVE_CACHE"
_VERSION = "2"  # bump when what is cached, or how, changes
# Generators and main solutions are the package's trusted programs, still sandboxed: room for
# big tests, a wall backstop for hangs.
GENERATOR_LIMITS = Limits(time=30.0, wall_factor=2.0, memory_mb=2048, output_mb=256, stack_mb=256)
MAIN_TIME_FACTOR = 4.0  # the main solution gets this many times the time limit
_CRLF_PROBE = 1 << 16  # bytes of the first test read to tell a Windows package


def cache_root() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "alphasolve"


@dataclass(frozen=True)
class _Plan:
    generate: tuple[PolygonTest, ...]  # inputs to generate
    answer: tuple[PolygonTest, ...]  # answers to compute with the main solution
    crlf: bool  # the package's test files use CRLF


def build(package: Package, judge: Judge | None = None) -> Built:
    """The files to use for each test; builds (once) what is missing. `judge`: a
    judges.Judge, the shared default one when None and building is needed."""
    plan = _plan(package)
    unanswered = sum(not t.answer.is_file() for t in package.tests)
    notes = (
        (f"interactive: {unanswered} test(s) without an answer file",)
        if package.interactor is not None and unanswered
        else ()
    )
    as_is = Built(
        {t.index: t.input for t in package.tests},
        {t.index: t.answer if t.answer.is_file() else None for t in package.tests},
        notes,
    )
    for spec, what in ((package.checker, "checker"), (package.interactor, "interactor")):
        if _compiled(spec):
            assert spec is not None
            _check_compiles(spec, what, lambda: _judge(judge))
    if not (plan.generate or plan.answer or plan.crlf):
        return as_is
    if plan.answer:
        _main(package)  # no main solution to make the answers: say so before building
    built = _cached_build(package, plan, lambda: _judge(judge))
    return Built(built.inputs, built.answers, notes + built.warnings)


def _judge(judge: Judge | None) -> Judge:
    if judge is not None:
        return judge
    from judges.judge import default_judge

    return default_judge()


def _plan(package: Package) -> _Plan:
    generate = tuple(t for t in package.tests if not t.input.is_file())
    interactive = package.interactor is not None
    answer = () if interactive else tuple(t for t in package.tests if not t.answer.is_file())
    first = next((t.input for t in package.tests if t.input.is_file()), None)
    crlf = False
    if first is not None:
        with first.open("rb") as fh:
            crlf = b"\r\n" in fh.read(_CRLF_PROBE)
    return _Plan(generate, answer, crlf)


def _compiled(spec: CheckerSpec | None) -> bool:
    return spec is not None and spec.kind is CheckerKind.CUSTOM and spec.program is not None


# -- building -------------------------------------------------------------------------------


def _key(package: Package) -> str:
    h = hashlib.sha256(_VERSION.encode())
    h.update((package.root / "problem.xml").read_bytes())
    sources = set(package.executables.values())
    main = package.main_solution
    if main:
        sources.add(main[0])
    for path in sorted(sources):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
            for header in _headers(path):
                h.update(header[0].encode() + b"\0" + header[1].encode())
    for t in package.tests:
        for path in (t.input, t.answer):
            if path.is_file():
                st = path.stat()
                h.update(f"{path.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def _cached_build(package: Package, plan: _Plan, get_judge: Callable[[], Judge]) -> Built:
    target = cache_root() / "polygon" / f"{package.id}-{_key(package)}"
    done = target / "built.json"
    if not done.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        try:
            notes = _build_into(tmp, package, plan, get_judge())
            (tmp / "built.json").write_text(json.dumps({"warnings": notes}))
            try:
                tmp.rename(target)
            except OSError:  # another process built it first: theirs is as good
                pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    notes = json.loads(done.read_text())["warnings"]
    inputs, answers = {}, {}
    for t in package.tests:
        made_input, made_answer = target / "tests" / _made(t), target / "answers" / _made(t)
        if (t in plan.generate and not made_input.is_file()) or (
            t in plan.answer and not made_answer.is_file()
        ):
            raise ProblemError(target, "the cache of built files is incomplete: delete it")
        inputs[t.index] = made_input if made_input.is_file() else t.input
        answers[t.index] = (
            made_answer if made_answer.is_file() else (t.answer if t.answer.is_file() else None)
        )
    return Built(inputs, answers, (*notes, f"built files cached in {target}"))


def _build_into(out: Path, package: Package, plan: _Plan, judge: Judge) -> list[str]:
    (out / "tests").mkdir()
    (out / "answers").mkdir()
    notes: list[str] = []
    workers = max(1, judge.config.workers)
    if plan.generate:
        generated = set()
        with ThreadPoolExecutor(workers) as pool:
            for t, data in zip(
                plan.generate,
                pool.map(lambda t: _generate(package, t, judge), plan.generate),
                strict=True,
            ):
                (out / "tests" / _made(t)).write_bytes(data)
                generated.add(t.cmd.split()[0])
        first = plan.generate[0]
        if _generate(package, first, judge) != (out / "tests" / _made(first)).read_bytes():
            notes.append(
                f"generator {first.cmd.split()[0]} is not deterministic: test {first.index} "
                "differs between two runs (the first run is kept)"
            )
        notes.append(
            f"{len(plan.generate)} generated test(s) produced with {', '.join(sorted(generated))}"
        )
    if plan.crlf:
        for t in package.tests:
            if t.input.is_file():
                (out / "tests" / _made(t)).write_bytes(_lf(t.input.read_bytes()))
            if t.answer.is_file():
                (out / "answers" / _made(t)).write_bytes(_lf(t.answer.read_bytes()))
        notes.append("CRLF test files rewritten with LF line ends")
    if plan.answer:
        main = _main(package)
        inputs = {t.index: out / "tests" / _made(t) for t in plan.answer}
        with ThreadPoolExecutor(workers) as pool:
            results = pool.map(
                lambda t: _answer(package, main, t, inputs[t.index], judge), plan.answer
            )
            for t, data in zip(plan.answer, results, strict=True):
                (out / "answers" / _made(t)).write_bytes(data)
        notes.append(f"{len(plan.answer)} answer(s) made by the main solution {main[0].name}")
    return notes


def _made(test: PolygonTest) -> str:
    # by number: a pattern such as tests/%02d/in.txt gives every test the same file name
    return f"{test.index:03d}"


def _lf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n")


def _headers(source: Path) -> tuple[tuple[str, str], ...]:
    return tuple((p.name, p.read_text(errors="replace")) for p in checker_headers(source))


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if "error" in line.lower()), lines[0] if lines else "")
    return first[:300]


def _prepare(judge: Judge, source: Path, language: str, what: str) -> Prepared:
    prepared = judge.prepare(
        language,
        source.read_text(errors="replace"),
        _headers(source) if language == "cpp17" else (),
    )
    if prepared.compile_error is not None:
        raise ProblemError(
            source, f"the {what} does not compile: {_one_line(prepared.compile_error)}"
        )
    return prepared


def _generate(package: Package, test: PolygonTest, judge: Judge) -> bytes:
    try:
        name, *args = shlex.split(test.cmd)
    except ValueError:
        name, *args = test.cmd.split()
    source = package.executables.get(name)
    xml = package.root / "problem.xml"
    if source is None:
        known = ", ".join(sorted(package.executables)) or "none"
        raise ProblemError(
            xml, f"test {test.index}: generator {name!r} is not among the executables ({known})"
        )
    if not source.is_file():
        raise ProblemError(xml, f"test {test.index}: the generator source {source.name} is missing")
    language = LANGUAGE_BY_SUFFIX.get(source.suffix)
    if language is None:
        raise ProblemError(source, "the generator's language is not supported (C++ or Python)")
    prepared = _prepare(judge, source, language, f"generator {name}")
    result, stdout = judge.execute(prepared, Blob.of(b""), GENERATOR_LIMITS, tuple(args))
    if result.verdict is not Verdict.AC:
        raise ProblemError(
            source,
            f"generator failed on test {test.index} ({test.cmd}): {result.verdict} "
            f"{_one_line(result.detail or result.stderr)}".rstrip(),
        )
    return stdout


def _main(package: Package) -> tuple[Path, str]:
    main = package.main_solution
    xml = package.root / "problem.xml"
    if main is None:
        missing = next(t for t in package.tests if not t.answer.is_file())
        raise ProblemError(
            missing.answer,
            f"test {missing.index} has no answer file and the package has no main solution",
        )
    language = language_of(main[1], main[0])
    if language not in ("python3", "cpp17"):
        raise ProblemError(xml, f"the main solution is in {language}: cannot run it for answers")
    return main[0], language


def _answer(
    package: Package, main: tuple[Path, str], test: PolygonTest, made: Path, judge: Judge
) -> bytes:
    source, language = main
    prepared = _prepare(judge, source, language, "main solution")
    stdin = made if made.is_file() else test.input
    limits = replace(
        GENERATOR_LIMITS,
        time=package.time_limit * MAIN_TIME_FACTOR * judge.config.multiplier(language),
        memory_mb=package.memory_limit,
    )
    result, stdout = judge.execute(prepared, Blob.file(stdin), limits)
    if result.verdict is not Verdict.AC:
        raise ProblemError(
            source,
            f"the main solution failed on test {test.index}: {result.verdict} "
            f"{_one_line(result.detail or result.stderr)}".rstrip(),
        )
    return stdout


def _check_compiles(spec: CheckerSpec, what: str, get_judge: Callable[[], Judge]) -> None:
    assert spec.program is not None
    source = spec.program
    language = LANGUAGE_BY_SUFFIX.get(source.suffix, "cpp17")
    text = source.read_text(errors="replace")
    key = hashlib.sha256((_VERSION + text + repr(_headers(source))).encode()).hexdigest()[:20]
    marker = cache_root() / "polygon" / "compiled" / f"{key}.ok"
    if marker.is_file():
        return
    _prepare(get_judge(), source, language, what)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(str(source))

"""The judge: a pool of slots (one warm zygote each, one per core by default) and the calls
that run programs on tests and decide verdicts.

    with Judge() as j:
        report = j.judge(problem, candidate, problem.examples)

`judge()` at module level uses a shared default Judge. Threads only wait here: each run is a
process in a zygote, so N slots keep N cores busy.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import queue
import shutil
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from judges import interactive
from judges.checkers import (
    CheckerKind,
    CheckerSpec,
    CheckResult,
    Convention,
    builtin_check,
    output_digest_tokens,
)
from judges.checkers import program as checker_program
from judges.classify import classify, signal_name
from judges.compile_cache import CompileCache, cache_key
from judges.config import JudgeConfig, Limits
from judges.executors import (
    EXECUTORS,
    LanguageUnavailable,
    Prepared,
    RunMode,
    get_executor,
    language_for_suffix,
)
from judges.isolation import IsolationReport, isolation_report
from judges.sandbox.slot import JudgeError, Slot, make_workdir
from judges.testdata import Blob, TestCase
from judges.verdict import RunResult, Verdict

__all__ = [
    "BatchJob",
    "Judge",
    "JudgeReport",
    "LanguageUnavailable",
    "ProblemLike",
    "Program",
    "default_judge",
    "judge",
]

log = logging.getLogger(__name__)


class ProblemLike(Protocol):
    time_limit: float
    memory_limit: int
    checker: CheckerSpec


class CandidateLike(Protocol):
    language: str
    code: str


@dataclass(frozen=True)
class Program:
    language: str
    code: str


@dataclass(frozen=True)
class JudgeReport:
    verdict: Verdict
    tests: tuple[RunResult, ...]
    language: str
    compile_error: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.AC


@dataclass(frozen=True)
class BatchJob:
    """One (program, input) pair for `Judge.run_many`. Without a checker or answer the run is
    judged only for crashes and limits, and its output digest is returned (clustering). With
    an interactor the program runs against it, which judges it; the digest is then of what
    the program wrote to the interactor."""

    key: str
    language: str
    code: str
    test: TestCase
    limits: Limits
    checker: CheckerSpec | None = None
    interactor: CheckerSpec | None = None


def _digest(output: bytes) -> str:
    return hashlib.blake2b(output_digest_tokens(output), digest_size=12).hexdigest()


class Judge:
    def __init__(self, config: JudgeConfig | None = None) -> None:
        self.config = config or JudgeConfig()
        for language, runtime in self.config.runtimes:
            if get_executor(runtime).source_language != get_executor(language).name:
                raise ValueError(f"{runtime} does not run {language} programs")
        self.workdir = make_workdir(self.config.sandbox)
        self._idle: queue.LifoQueue[Slot] = queue.LifoQueue()
        self._slots: list[Slot] = []
        self._lock = threading.Lock()
        self._pair_lock = threading.Lock()
        self._cache = CompileCache(self.workdir / "cache", self.config.compile_cache_entries)
        self._available: dict[str, str | None] = {}  # language -> None, or why it is unusable
        self._closed = False

    # ----- lifecycle -----

    def __enter__(self) -> Judge:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            slots, self._slots = self._slots, []
        for slot in slots:
            slot.release()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _take(self, capacity: int) -> Slot:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._closed:
                raise JudgeError("the judge is closed")
            create = len(self._slots) < capacity
            if create:
                slot = Slot(self.config.sandbox, self.workdir)
                self._slots.append(slot)
                if len(self._slots) == 1:
                    # The start-up probe: log the level in force, and loudly what is missing.
                    report = isolation_report(slot.facts, self.config.sandbox)
                    log.info("judge %s", report.describe().replace("\n", "; "))
        return slot if create else self._idle.get()

    @contextmanager
    def _slot(self) -> Iterator[Slot]:
        slot = self._take(self.config.workers)
        try:
            yield slot
        finally:
            self._idle.put(slot)

    @contextmanager
    def _slot_pair(self) -> Iterator[tuple[Slot, Slot]]:
        """Two slots at once (an interactive run). Taken under one lock: threads that each
        held one slot while waiting for a second would deadlock the pool. A one-slot judge
        grows a second slot for pairs."""
        capacity = max(2, self.config.workers)
        with self._pair_lock:
            first = self._take(capacity)
            try:
                second = self._take(capacity)
            except BaseException:
                self._idle.put(first)
                raise
        try:
            yield first, second
        finally:
            self._idle.put(second)
            self._idle.put(first)

    def isolation(self) -> IsolationReport:
        with self._slot() as slot:
            return isolation_report(slot.facts, self.config.sandbox)

    # ----- preparing programs -----

    def limits_for(
        self, problem: ProblemLike, language: str, time_limit: float | None = None
    ) -> Limits:
        runtime = self.config.runtime(language)
        seconds = (
            time_limit
            if time_limit is not None
            else problem.time_limit * self.config.multiplier(runtime)
        )
        return replace(self.config.limits, time=seconds, memory_mb=problem.memory_limit)

    def prepare(
        self, language: str, code: str, extra_files: tuple[tuple[str, str], ...] = ()
    ) -> Prepared:
        """Compile (or syntax-check) once per distinct program, under the executor that
        `config.runtimes` names for its language. Raises LanguageUnavailable when that
        executor's self-test does not pass on this machine."""
        runtime = self.config.runtime(language)
        self._require(runtime)
        return self._prepare(runtime, code, extra_files)

    def _prepare(
        self,
        language: str,
        code: str,
        extra_files: tuple[tuple[str, str], ...] = (),
        slot: Slot | None = None,
    ) -> Prepared:
        """Through the compile cache. Without `slot` one is taken only to build: a thread
        waiting for another's build of the same program holds none (that would serialise
        run_many's compiles); with `slot` (a checker prepared mid-run) that one is used."""
        executor = get_executor(language)
        key = cache_key(language, executor.fingerprint(), code, extra_files)

        def build(artefacts: Path) -> Prepared:
            if slot is not None:
                return executor.prepare(code, slot, self.config, artefacts, extra_files)
            with self._slot() as free:
                return executor.prepare(code, free, self.config, artefacts, extra_files)

        return self._cache.get_or_build(key, build)

    def _require(self, language: str) -> None:
        with self._lock:
            known = language in self._available
            reason = self._available.get(language)
        if not known:
            reason = self._self_test_one(language)
            with self._lock:
                self._available[language] = reason
        if reason is not None:
            raise LanguageUnavailable(f"language {language} is unavailable here: {reason}")

    def _self_test_one(self, language: str) -> str | None:
        """None when the language's echo program round-trips through the sandbox."""
        executor = get_executor(language)
        reason = executor.unavailable_reason()
        if reason is not None:
            return reason
        prepared = self._prepare(language, executor.self_test)
        test = TestCase("self-test", Blob.of(b"alphasolve 42\n"), Blob.of(b"alphasolve 42\n"))
        limits = self.config.limits.with_time(5.0)
        result = self.run(prepared, test, limits, CheckerSpec(CheckerKind.EXACT))
        if result.verdict is not Verdict.AC:
            detail = result.detail or prepared.compile_error or ""
            return f"self-test gave {result.verdict}: {detail}".strip()
        return None

    # ----- running -----

    def run(
        self,
        prepared: Prepared,
        test: TestCase,
        limits: Limits,
        checker: CheckerSpec | None = None,
        interactor: CheckerSpec | None = None,
    ) -> RunResult:
        """One program on one test, retried on judge errors; never raises for the program's sake.
        With an `interactor` the program talks to it (judges.interactive); `checker` then
        checks a testlib interactor's output file."""
        if prepared.compile_error is not None:
            return RunResult(Verdict.CE, detail=prepared.compile_error[:2000], test=test.label)
        error = ""
        for _attempt in range(self.config.retries + 1):
            try:
                if interactor is not None:
                    return self._interact_once(prepared, test, limits, checker, interactor)
                return self._run_once(prepared, test, limits, checker)
            except (JudgeError, checker_program.CheckerFailure, OSError) as exc:
                error = str(exc)
                log.warning("judge error on test %s (retrying): %s", test.name, error)
        return RunResult(Verdict.JE, detail=error[:2000], test=test.label)

    def _run_once(
        self, prepared: Prepared, test: TestCase, limits: Limits, checker: CheckerSpec | None
    ) -> RunResult:
        executor = get_executor(prepared.language)
        with self._slot() as slot:
            out = executor.run(prepared, slot, test.input, limits)
            if out.compile_error is not None:
                return RunResult(Verdict.CE, detail=out.compile_error[:2000], test=test.label)
            facts = classify(
                out,
                limits,
                slot.baseline_kb,
                forked=executor.run_mode is RunMode.FORK,
                tracebacks=executor.tracebacks,
            )
            stderr = out.stderr.decode("utf-8", errors="replace")[
                : self.config.sandbox.stderr_keep_chars
            ]
            base = RunResult(
                Verdict.AC,
                cpu_time=out.cpu,
                wall_time=out.wall,
                peak_memory=facts.peak_kb,
                exit_code=out.exit_code,
                signal=None if out.signal is None else signal_name(out.signal),
                stderr=stderr,
                test=test.label,
            )
            if facts.verdict is not None:
                return replace(base, verdict=facts.verdict, detail=facts.detail)
            digest = _digest(out.stdout)
            if checker is None or test.answer is None:
                return replace(base, output_digest=digest)
            result = self._check(slot, checker, test, out.stdout)
        verdict = Verdict.AC if result.ok else Verdict.WA
        return replace(base, verdict=verdict, detail=result.message, output_digest=digest)

    def execute(
        self, prepared: Prepared, stdin: Blob, limits: Limits, args: tuple[str, ...] = ()
    ) -> tuple[RunResult, bytes]:
        """Run a trusted helper program (a package's generator or model solution) with
        arguments; its verdict (crashes and limits only) and its whole stdout."""
        if prepared.compile_error is not None:
            return RunResult(Verdict.CE, detail=prepared.compile_error[:2000]), b""
        executor = get_executor(prepared.language)
        with self._slot() as slot:
            out = executor.run(prepared, slot, stdin, limits, args=args)
            if out.compile_error is not None:
                return RunResult(Verdict.CE, detail=out.compile_error[:2000]), b""
            facts = classify(
                out,
                limits,
                slot.baseline_kb,
                forked=executor.run_mode is RunMode.FORK,
                tracebacks=executor.tracebacks,
            )
        stderr = out.stderr.decode("utf-8", errors="replace")[
            : self.config.sandbox.stderr_keep_chars
        ]
        result = RunResult(
            facts.verdict or Verdict.AC,
            detail=facts.detail if facts.verdict else "",
            cpu_time=out.cpu,
            wall_time=out.wall,
            peak_memory=facts.peak_kb,
            exit_code=out.exit_code,
            signal=None if out.signal is None else signal_name(out.signal),
            stderr=stderr,
        )
        return result, out.stdout

    def _check(self, slot: Slot, spec: CheckerSpec, test: TestCase, output: bytes) -> CheckResult:
        assert test.answer is not None
        if spec.kind is not CheckerKind.CUSTOM:
            return builtin_check(spec, output, test.answer.read())
        language, prepared = self._custom_program(spec, slot, "checker")
        files = checker_program.checker_files(
            test.input.path or test.input.read(),
            output,
            test.answer.path or test.answer.read(),
            self.workdir,
        )
        try:
            args, output_on_stdin = checker_program.argv_for(spec, files, str(slot.scratch))
            stdin = Blob.file(files.output) if output_on_stdin else Blob.of(b"")
            executor = get_executor(language)
            out = executor.run(
                prepared,
                slot,
                stdin,
                checker_program.CHECKER_LIMITS,
                args=args,
                extra_read=(str(files.directory),),
            )
            return checker_program.interpret(spec, out, prepared)
        finally:
            checker_program.cleanup(files)

    def _custom_program(self, spec: CheckerSpec, slot: Slot, role: str) -> tuple[str, Prepared]:
        """A checker's or interactor's program, compiled (cached) with the headers beside it."""
        if spec.program is None:
            raise checker_program.CheckerFailure(f"custom {role} without a program")
        language = language_for_suffix(spec.program.suffix)
        if language is None:
            raise checker_program.CheckerFailure(
                f"{role} {spec.program.name}: unsupported language"
            )
        headers = tuple(
            (p.name, p.read_text(errors="replace"))
            for p in checker_program.checker_headers(spec.program)
        )
        prepared = self._prepare(language, spec.program.read_text(), headers, slot)
        if prepared.compile_error is not None:
            raise checker_program.CheckerFailure(
                f"{role} {spec.program.name} does not compile: {prepared.compile_error[:500]}"
            )
        return language, prepared

    def _interact_once(
        self,
        prepared: Prepared,
        test: TestCase,
        limits: Limits,
        checker: CheckerSpec | None,
        spec: CheckerSpec,
    ) -> RunResult:
        with self._slot() as slot:  # compiled before the pair is taken (cached after)
            language, iprepared = self._custom_program(spec, slot, "interactor")
        executor, iexecutor = get_executor(prepared.language), get_executor(language)
        ilimits = interactive.interactor_limits(limits)
        with self._slot_pair() as (pslot, islot):
            files = interactive.interactor_files(
                test.input.path or test.input.read(),
                None if test.answer is None else (test.answer.path or test.answer.read()),
                self.workdir,
                islot.uid,
            )
            try:
                directory = str(files.directory)
                pout, iout, relay = interactive.run_pair(
                    lambda piped: executor.run(prepared, pslot, piped, limits),
                    lambda piped: iexecutor.run(
                        iprepared,
                        islot,
                        replace(piped, writable=(directory,)),
                        ilimits,
                        args=interactive.interactor_args(spec, files),
                        extra_read=(directory,),
                    ),
                    limits.output_mb * 2**20,
                )
                if pout.compile_error is not None:
                    return RunResult(Verdict.CE, detail=pout.compile_error[:2000], test=test.label)
                facts = classify(
                    pout,
                    limits,
                    pslot.baseline_kb,
                    forked=executor.run_mode is RunMode.FORK,
                    tracebacks=executor.tracebacks,
                )
                own, own_detail = facts.verdict, facts.detail
                if relay.over_limit:
                    own, own_detail = Verdict.OLE, f"output over the {limits.output_mb} MiB limit"
                verdict, detail = interactive.decide(
                    interactive.PairFacts(
                        program=own,
                        program_detail=own_detail,
                        broken_pipe=interactive.broken_pipe(pout, executor.tracebacks),
                        interactor=interactive.interactor_verdict(spec, iout),
                        interactor_detail=interactive.message(spec, files, iout),
                        interactor_first=(
                            relay.interactor_first
                            if relay.interactor_first is not None
                            else iout.ended < pout.ended
                        ),
                        interactor_broken_pipe=interactive.broken_pipe(iout, iexecutor.tracebacks),
                    )
                )
                if verdict is Verdict.JE:
                    raise checker_program.CheckerFailure(detail)
                with_checker = spec.convention is Convention.TESTLIB and checker is not None
                if verdict is Verdict.AC and with_checker and test.answer is not None:
                    assert checker is not None
                    output = interactive.read_file(files.output, limits.output_mb * 2**20)
                    result = self._check(pslot, checker, test, output)
                    verdict = Verdict.AC if result.ok else Verdict.WA
                    detail = f"checker: {result.message}" if result.message else detail
            finally:
                shutil.rmtree(files.directory, ignore_errors=True)
        stderr = pout.stderr.decode("utf-8", errors="replace")
        return RunResult(
            verdict,
            cpu_time=pout.cpu,
            wall_time=pout.wall,
            peak_memory=facts.peak_kb,
            exit_code=pout.exit_code,
            signal=None if pout.signal is None else signal_name(pout.signal),
            stderr=stderr[: self.config.sandbox.stderr_keep_chars],
            detail=detail[:2000],
            output_digest=_digest(relay.transcript),
            test=test.label,
        )

    # ----- the public calls -----

    def judge(
        self,
        problem: ProblemLike,
        candidate: CandidateLike,
        tests: Iterable[TestCase],
        stop_on_first_failure: bool = True,
        time_limit: float | None = None,
    ) -> JudgeReport:
        """Run a candidate on tests in order; the verdict is the first failure's, else AC."""
        prepared = self.prepare(candidate.language, candidate.code)
        if prepared.compile_error is not None:
            return JudgeReport(Verdict.CE, (), prepared.language, prepared.compile_error)
        limits = self.limits_for(problem, candidate.language, time_limit)
        interactor = getattr(problem, "interactor", None)  # problems without one: batch
        results = []
        verdict = Verdict.AC
        for test in tests:
            result = self.run(prepared, test, limits, problem.checker, interactor)
            results.append(result)
            if result.verdict is not Verdict.AC and verdict is Verdict.AC:
                verdict = result.verdict
                if stop_on_first_failure:
                    break
        return JudgeReport(verdict, tuple(results), prepared.language)

    def run_many(self, jobs: Iterable[BatchJob]) -> Iterator[tuple[BatchJob, RunResult]]:
        """Run (program, input) pairs on all slots; yields results as they finish.

        At most four jobs per slot are in flight, so a generator of millions of jobs is
        consumed lazily and memory stays bounded.
        """
        # Twice as many threads as slots: a thread waiting for another's compile of the same
        # program holds no slot, and the spare threads keep every slot busy meanwhile.
        window = 4 * self.config.workers
        with ThreadPoolExecutor(
            max_workers=2 * self.config.workers, thread_name_prefix="judge"
        ) as pool:
            pending: dict[Future[RunResult], BatchJob] = {}
            it = iter(jobs)
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < window:
                    try:
                        job = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                    pending[pool.submit(self._run_job, job)] = job
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield pending.pop(fut), fut.result()

    def _run_job(self, job: BatchJob) -> RunResult:
        try:
            prepared = self.prepare(job.language, job.code)
        except (JudgeError, OSError, LanguageUnavailable) as exc:
            return RunResult(Verdict.JE, detail=str(exc), test=job.test.name)
        return self.run(prepared, job.test, job.limits, job.checker, job.interactor)

    def self_test(self) -> dict[str, str | None]:
        """Per language: None when it is usable here, else what is wrong (cached)."""
        results: dict[str, str | None] = {}
        for name in EXECUTORS:
            try:
                self._require(name)
                results[name] = None
            except LanguageUnavailable as exc:
                results[name] = str(exc)
        return results


_default: Judge | None = None
_default_lock = threading.Lock()


def default_judge() -> Judge:
    global _default
    with _default_lock:
        if _default is None:
            _default = Judge()
            atexit.register(_default.close)
        return _default


def judge(
    problem: ProblemLike,
    candidate: CandidateLike,
    tests: Iterable[TestCase],
    stop_on_first_failure: bool = True,
    time_limit: float | None = None,
) -> JudgeReport:
    """Judge one candidate with the shared default Judge (one slot per core)."""
    return default_judge().judge(problem, candidate, tests, stop_on_first_failure, time_limit)

"""Checking problems by running their programs: references agree with every expected
answer (hence with each other), and every incorrect variant fails at least one hidden test.

`verify_problem` takes any `runner(language, code, input_bytes) -> output_bytes` that raises
on a time-out, crash or compile error (`RunFailed` carries the verdict; any other exception
counts as a failure too), so the project's judge can replace the local subprocess runner.
"""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .model import BuiltProblem, Outcome

Runner = Callable[[str, str, bytes], bytes]


class RunFailed(Exception):
    """A program did not produce an output: verdict is TLE, RTE or CE."""

    def __init__(self, verdict: str, detail: str = "") -> None:
        super().__init__(f"{verdict}: {detail[:300]}")
        self.verdict = verdict


class LocalRunner:
    """Runs Python with this interpreter and C++ compiled once per source with g++ -O2."""

    def __init__(self, timeout: float = 3.0, workdir: Path | None = None) -> None:
        self.timeout = timeout
        self._dir = Path(workdir or tempfile.mkdtemp(prefix="corpus-verify-"))
        self._dir.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._pch: list[str] | None = None

    def _pch_flags(self) -> list[str]:
        """A precompiled bits/stdc++.h (built once) cuts each compile from seconds to ~0.3 s."""
        with self._guard:
            if self._pch is None:
                self._pch = []
                found = list(Path("/usr/include").glob("*/c++/*/bits/stdc++.h")) + list(
                    Path("/usr/include").glob("c++/*/bits/stdc++.h")
                )
                if found:
                    out = self._dir / "pch" / "bits" / "stdc++.h.gch"
                    out.parent.mkdir(parents=True, exist_ok=True)
                    r = subprocess.run(
                        [
                            "g++",
                            "-O2",
                            "-std=c++17",
                            "-x",
                            "c++-header",
                            str(found[0]),
                            "-o",
                            str(out),
                        ],
                        capture_output=True,
                        check=False,
                    )
                    if r.returncode == 0:
                        self._pch = ["-I", str(self._dir / "pch")]
            return self._pch

    def _binary(self, code: str) -> Path:
        key = hashlib.sha1(code.encode()).hexdigest()[:16]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        exe = self._dir / f"{key}.bin"
        with lock:
            if not exe.exists():
                src = self._dir / f"{key}.cpp"
                src.write_text(code)
                r = subprocess.run(
                    ["g++", "-O2", "-std=c++17", *self._pch_flags(), "-o", str(exe), str(src)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if r.returncode != 0:
                    raise RunFailed("CE", r.stderr)
        return exe

    def __call__(self, language: str, code: str, data: bytes) -> bytes:
        if language == "python3":
            key = hashlib.sha1(code.encode()).hexdigest()[:16]
            path = self._dir / f"{key}.py"
            if not path.exists():
                path.write_text(code)
            cmd = [sys.executable, str(path)]
        elif language == "cpp17":
            cmd = [str(self._binary(code))]
        else:
            raise ValueError(f"unknown language {language!r}")
        try:
            r = subprocess.run(
                cmd, input=data, capture_output=True, timeout=self.timeout, check=False
            )
        except subprocess.TimeoutExpired as e:
            raise RunFailed("TLE") from e
        if r.returncode != 0:
            raise RunFailed("RTE", r.stderr.decode(errors="replace"))
        return r.stdout


def same(output: bytes, answer: str) -> bool:
    """The tokens checker: whitespace-insensitive token equality."""
    return output.decode(errors="replace").split() == answer.split()


@dataclass
class VerifyResult:
    id: str
    ok: bool = True
    errors: list[str] = field(default_factory=list)
    variants_total: int = 0
    variants_caught: int = 0
    caught_by: dict[str, str] = field(default_factory=dict)  # variant file -> how it failed
    slowest_reference: float = 0.0
    unconfirmed: int = 0  # too-slow variants that no test here is big enough to time out


def verify_problem(p: BuiltProblem, runner: Runner) -> VerifyResult:
    res = VerifyResult(p.id)
    tests = p.examples + p.tests
    for lang, code in p.solutions.items():
        with contextlib.suppress(Exception):  # untimed warm-up: compiling is not running
            runner(lang, code, tests[0].input.encode())
        for t in tests:
            start = time.perf_counter()
            try:
                out = runner(lang, code, t.input.encode())
            except (
                Exception
            ) as e:  # any runner's failure: RunFailed here, the judge's own errors there
                res.ok = False
                res.errors.append(f"{lang} reference {_verdict(e)} on {t.name}")
                break
            took = time.perf_counter() - start
            res.slowest_reference = max(res.slowest_reference, took)
            if not same(out, t.answer):
                res.ok = False
                res.errors.append(f"{lang} reference wrong on {t.name}")
                break
            if took > p.time_limit:
                res.errors.append(f"{lang} reference took {took:.2f}s on {t.name}")
    for v, codes in p.incorrect:
        ordered = (
            sorted(p.tests, key=lambda t: -len(t.input))
            if v.outcome is Outcome.TIME_LIMIT
            else p.tests
        )
        for lang, code in codes.items():
            res.variants_total += 1
            how = _first_failure(runner, lang, code, ordered)
            label = f"{v.outcome}/{v.name}.{lang}"
            if how is None and v.outcome is Outcome.TIME_LIMIT:
                # train problems carry no big test: too slow by the constraints, not shown here
                res.unconfirmed += 1
            elif how is None:
                res.ok = False
                res.errors.append(f"incorrect variant {label} passes every hidden test")
            else:
                res.variants_caught += 1
                res.caught_by[label] = how
                if v.outcome is Outcome.TIME_LIMIT and how != "TLE":
                    res.errors.append(f"{label} expected TLE, got {how}")
    return res


def _first_failure(runner: Runner, lang: str, code: str, tests: Iterable) -> str | None:
    for t in tests:
        try:
            out = runner(lang, code, t.input.encode())
        except Exception as e:  # a time-out, crash or compile error is a failure too
            return _verdict(e)
        if not same(out, t.answer):
            return "WA"
    return None


def _verdict(e: Exception) -> str:
    return e.verdict if isinstance(e, RunFailed) else type(e).__name__


def verify_all(
    problems: list[BuiltProblem], runner: Runner, workers: int = 2
) -> list[VerifyResult]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda p: verify_problem(p, runner), problems))

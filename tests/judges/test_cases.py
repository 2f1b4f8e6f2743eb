"""Declarative adversarial judge cases: tests/judges/cases/<name>/{case.yaml, main.py|main.cpp}.
A case with `interactor:` runs the program against that interactor (interactive judging).

Each case checks its verdict and the host afterwards: no process of any slot uid left, no
forbidden file created, the judge still answering correctly.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from judges import Blob, CheckerKind, CheckerSpec, Convention, Judge, Program, TestCase, Verdict
from judges.config import Limits

CASES = Path(__file__).parent / "cases"
# A secret-looking variable in the judge's own environment: r23-env-secrets must not see it.
os.environ.setdefault("ALPHASOLVE_TEST_SECRET", "hunter2")
LANGS = {"main.py": "python3", "main.cpp": "cpp17"}


def _cases() -> list[tuple[str, str]]:
    out = []
    for case in sorted(p for p in CASES.iterdir() if (p / "case.yaml").is_file()):
        for filename, language in LANGS.items():
            if (case / filename).is_file():
                out.append((case.name, language))
    return out


def _expected(spec: object, language: str) -> set[str]:
    if isinstance(spec, dict):
        spec = spec[language]
    return {spec} if isinstance(spec, str) else set(spec)  # type: ignore[arg-type]


def _checker(raw: object) -> CheckerSpec:
    if raw is None or raw == "tokens":
        return CheckerSpec()
    if isinstance(raw, str):
        return CheckerSpec(CheckerKind(raw))
    assert isinstance(raw, dict)
    return CheckerSpec(
        CheckerKind(raw.get("type", "tokens")),
        abs_tol=raw.get("abs_tol", 0.0),
        rel_tol=raw.get("rel_tol", 0.0),
    )


def slot_processes(judge: Judge) -> list[str]:
    """Processes still running as one of this judge's slot uids (there must be none between
    runs; other judges on the machine have their own uids)."""
    uids = {slot.uid for slot in judge._slots}
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                status = f.read()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("Uid:"):
                uid = int(line.split()[1])
                if uid in uids:
                    found.append(f"pid {entry} uid {uid}")
    return found


def stray_files(judge: Judge) -> list[str]:
    """Files a slot uid owns in shared places (it may write only its scratch directory)."""
    base = judge.config.sandbox.base_uid
    found = []
    for place in ("/tmp", "/dev/shm", "/var/tmp"):
        try:
            entries = os.scandir(place)
        except OSError:
            continue
        with entries:
            for entry in entries:
                try:
                    uid = entry.stat(follow_symlinks=False).st_uid
                except OSError:
                    continue
                if base <= uid < base + 1024:
                    found.append(entry.path)
    return found


def _interactor(case: Path, meta: dict) -> CheckerSpec | None:
    if "interactor" not in meta:
        return None
    return CheckerSpec(
        CheckerKind.CUSTOM,
        program=(case / meta["interactor"]).resolve(),
        convention=Convention(meta.get("convention", "kattis")),
    )


@pytest.fixture(scope="module")
def datadir() -> Iterator[Path]:
    # World-readable on purpose: only the sandbox (Landlock), not file permissions, may hide
    # the answers from the jobs.
    path = Path(tempfile.mkdtemp(prefix="alphasolve-cases-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.parametrize(("name", "language"), _cases())
def test_case(name: str, language: str, judge: Judge, datadir: Path) -> None:
    case = CASES / name
    meta = yaml.safe_load((case / "case.yaml").read_text())
    source = (case / next(f for f, lang in LANGS.items() if lang == language)).read_text()
    if name.startswith("r23") and not judge.isolation().as_dict()["measures"][
        "filesystem"
    ].startswith("Landlock"):
        pytest.skip("no Landlock here: hiding test data needs it")
    inp = datadir / f"{name}-{language}.in"
    if "input_repeat" in meta:
        rep = meta["input_repeat"]
        with open(inp, "w") as f:
            chunk = rep["line"] * 10000
            for _ in range(rep["times"] // 10000):
                f.write(chunk)
            f.write(rep["line"] * (rep["times"] % 10000))
    else:
        inp.write_text(meta.get("input", ""))
    ans = datadir / f"{name}-{language}.ans"
    ans.write_text(meta.get("answer", ""))
    for p in (inp, ans):
        p.chmod(0o644)
    limits = Limits(
        time=float(meta.get("time_limit", 1.0)),
        memory_mb=int(meta.get("memory_limit", 256)),
        output_mb=int(meta.get("output_limit", 64)),
    )
    forbidden = [Path(p) for p in meta.get("forbidden_paths", [])]
    for p in forbidden:
        if p.exists():
            os.unlink(p)
    prepared = judge.prepare(language, source)
    test = TestCase(name, Blob.file(inp), Blob.file(ans))
    start = time.monotonic()
    result = judge.run(
        prepared, test, limits, _checker(meta.get("checker")), _interactor(case, meta)
    )
    elapsed = time.monotonic() - start
    expected = _expected(meta["expect"], language)
    assert str(result.verdict) in expected, (
        f"{name} [{language}]: got {result.verdict} ({result.detail}), expected {expected}; stderr: {result.stderr[-300:]}"
    )
    assert elapsed <= float(meta.get("max_wall_seconds", 30)) + 5, f"took {elapsed:.1f}s"
    # host invariants
    assert slot_processes(judge) == []
    assert stray_files(judge) == []
    leaked = [str(p) for p in forbidden if p.exists()]
    assert not leaked, f"files escaped the sandbox: {leaked}"
    ok = judge.judge(
        _Problem(),
        Program("python3", "print(int(input())*2)"),
        [TestCase("t", Blob.of("21\n"), Blob.of("42\n"))],
    )
    assert ok.verdict is Verdict.AC, "the judge is not healthy after the case"


class _Problem:
    time_limit = 1.0
    memory_limit = 256
    checker = CheckerSpec()

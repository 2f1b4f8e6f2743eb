"""The executor registry: what each language declares, that everything else reads it from
there, the judge's one compile cache, and every Python runtime judged on real programs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alphasolve.candidate import normalise_code
from alphasolve.formats.common import LANGUAGE_BY_SUFFIX
from alphasolve.model.prompt import LANGUAGES, LanguageSplit
from judges import Blob, CheckerSpec, Judge, JudgeConfig, Program, TestCase, Verdict
from judges.classify import classify
from judges.config import Limits
from judges.executors import (
    EXECUTORS,
    REGISTRY,
    RunMode,
    UnknownLanguage,
    get_executor,
    installed,
    language_for_suffix,
    runtimes_of,
    source_languages,
)
from judges.executors.source import SourceSyntax
from judges.sandbox.slot import Outcome


@pytest.mark.parametrize("name", list(EXECUTORS))
def test_executor_declares_everything(name: str) -> None:
    e = EXECUTORS[name]
    assert e.name == name and re.fullmatch(r"[a-z][a-z0-9]*", name)
    assert EXECUTORS[e.source_language].source_language == e.source_language
    assert e.suffixes and all(s.startswith(".") and s == s.lower() for s in e.suffixes)
    assert e.time_multiplier > 0
    assert isinstance(e.syntax, SourceSyntax) and e.syntax.comment_prefix
    assert isinstance(e.run_mode, RunMode) and isinstance(e.tracebacks, bool)
    assert e.self_test.strip()
    assert isinstance(e.fingerprint(), str)
    reason = e.unavailable_reason()
    assert reason is None or reason.strip()


def test_registry_is_one_line_per_executor() -> None:
    assert len(REGISTRY) == len(EXECUTORS) == len(set(REGISTRY))
    assert [entry.rpartition(".")[2].split(":")[0] for entry in REGISTRY] == list(EXECUTORS)


def test_unknown_language_names_the_known_ones() -> None:
    with pytest.raises(UnknownLanguage, match="known: " + ", ".join(EXECUTORS)):
        get_executor("cobol")


def test_a_shared_suffix_belongs_to_the_first_registered() -> None:
    assert language_for_suffix(".py") == "python3" and language_for_suffix(".CPP") == "cpp17"
    first: dict[str, str] = {}
    for e in EXECUTORS.values():
        for suffix in e.suffixes:
            first.setdefault(suffix, e.name)
    assert first == LANGUAGE_BY_SUFFIX
    assert all(language_for_suffix(s) == lang for s, lang in first.items())


def test_prompt_languages_are_the_source_languages() -> None:
    assert set(source_languages()) >= {"python3", "cpp17"}
    assert {n: EXECUTORS[n].syntax.comment_prefix for n in source_languages()} == LANGUAGES
    for name, e in EXECUTORS.items():
        if e.source_language != name:  # another runtime of a language is not sampled
            with pytest.raises(ValueError, match="unknown language"):
                LanguageSplit.parse(f"{name}:1")


def test_runtimes_of_a_language_start_with_its_own() -> None:
    assert runtimes_of("python3")[0] == "python3"
    assert runtimes_of("cpp17") == ("cpp17",)
    for name in runtimes_of("python3"):
        # Programs for another runtime are deduplicated as the language they are written in.
        code = "x = 1  # one\n\n\nprint( x )\n"
        assert normalise_code(code, name) == normalise_code(code, "python3") == "x=1\nprint(x)"


def test_time_multiplier_is_the_executors_unless_overridden() -> None:
    config = JudgeConfig(time_multipliers=(("cpp17", 3.0),))
    assert config.multiplier("cpp17") == 3.0
    for name, e in EXECUTORS.items():
        if name != "cpp17":
            assert config.multiplier(name) == e.time_multiplier


def test_a_runtime_must_run_the_language_it_is_given() -> None:
    with pytest.raises(ValueError, match="does not run python3"):
        Judge(JudgeConfig(runtimes=(("python3", "cpp17"),)))
    with pytest.raises(UnknownLanguage):
        Judge(JudgeConfig(runtimes=(("python3", "nope"),)))


def test_classify_reads_tracebacks_of_an_execd_interpreter() -> None:
    """PyPy is exec'd (its own peak memory) yet fails the way CPython does."""
    limits = Limits(memory_mb=256)

    def outcome(stderr: bytes, maxrss_kb: int = 90_000) -> Outcome:
        return Outcome(1, None, 0.1, 0.1, maxrss_kb, None, b"", 0, stderr, len(stderr))

    oom = classify(
        outcome(b"Traceback\nMemoryError\n"), limits, 50_000, forked=False, tracebacks=True
    )
    assert oom.verdict is Verdict.MLE and oom.peak_kb == 90_000
    err = classify(outcome(b"Traceback\nKeyError: 3\n"), limits, 0, forked=False, tracebacks=True)
    assert err.verdict is Verdict.RTE and "KeyError: 3" in err.detail


@pytest.mark.parametrize("name", list(EXECUTORS))
def test_self_test_passes_where_installed(name: str, judge: Judge) -> None:
    reason = judge.self_test()[name]
    if not installed(name):
        pytest.skip(f"{name} is not installed here: {EXECUTORS[name].unavailable_reason()}")
    assert reason is None


# ----- the one compile cache -----

CPP = '#include <cstdio>\nint main(){{int a,b;scanf("%d %d",&a,&b);printf("%d\\n",a+b{k});}}\n'


@pytest.fixture(scope="module")
def small_cache_judge():
    if not installed("cpp17"):
        pytest.skip(f"no C++ here: {EXECUTORS['cpp17'].unavailable_reason()}")
    with Judge(JudgeConfig(workers=1, compile_cache_entries=2)) as j:
        yield j


def test_one_cache_evicts_a_binary_with_its_entry(small_cache_judge: Judge) -> None:
    j = small_cache_judge
    first = j.prepare("cpp17", CPP.format(k=""))
    assert first.binary is not None and first.binary.is_file()
    assert j.prepare("cpp17", CPP.format(k="")) is first  # a hit: no second compile
    second = j.prepare("cpp17", CPP.format(k="+0"))
    assert j.prepare("cpp17", CPP.format(k="")) is first  # refreshes it: now the newest
    third = j.prepare("cpp17", CPP.format(k="+0*1"))  # evicts `second`, the oldest
    assert second.binary is not None and not second.binary.exists()
    assert first.binary.is_file() and third.binary is not None and third.binary.is_file()
    test = TestCase("t", Blob.of("2 3\n"), Blob.of("5\n"))
    limits = Limits(time=2.0)
    assert j.run(first, test, limits, CheckerSpec()).verdict is Verdict.AC
    again = j.prepare("cpp17", CPP.format(k="+0"))  # built again, in a new directory
    assert again.binary is not None and again.binary.is_file() and again is not second
    assert j.run(again, test, limits, CheckerSpec()).verdict is Verdict.AC
    cached = {p.parent for p in (j.workdir / "cache").glob("*/main")}
    assert len(cached) == 2  # nothing left behind by evictions or by the C++ executor


def test_programs_without_artefacts_leave_no_directory(small_cache_judge: Judge) -> None:
    j = small_cache_judge
    before = set((j.workdir / "cache").iterdir())
    assert j.prepare("python3", "print(1)\n").binary is None
    assert j.prepare("cpp17", "int main( {").compile_error
    assert set((j.workdir / "cache").iterdir()) <= before


# ----- every Python runtime on real programs -----

A_PLUS_B = "a, b = map(int, input().split())\nprint(a + b)\n"
PROGRAMS = {
    "AC": A_PLUS_B,
    "WA": "a, b = map(int, input().split())\nprint(a - b)\n",
    "TLE": "x = 0\nwhile True:\n    x += 1\n",
    "RTE": "import sys\nsys.setrecursionlimit(100)\ndef f(n): return f(n + 1)\nf(0)\n",
    "CE": "def f(:\n    pass\n",
}


class _Problem:
    time_limit = 0.5
    memory_limit = 256
    checker = CheckerSpec()


def _usable(name: str, judge: Judge) -> None:
    reason = judge.self_test()[name]
    if reason is not None:
        pytest.skip(f"{name} is not usable here: {reason}")


@pytest.mark.parametrize("runtime", runtimes_of("python3"))
@pytest.mark.parametrize("expect", list(PROGRAMS))
def test_python_runtimes_judge_real_programs(runtime: str, expect: str, judge: Judge) -> None:
    _usable(runtime, judge)
    tests = [TestCase("t1", Blob.of("2 3\n"), Blob.of("5\n"))]
    report = judge.judge(_Problem(), Program(runtime, PROGRAMS[expect]), tests)
    assert report.language == runtime
    assert report.verdict == expect, report


@pytest.mark.parametrize("runtime", runtimes_of("python3")[1:])
def test_python_programs_judged_under_another_runtime(runtime: str, judge: Judge) -> None:
    """`JudgeConfig.runtimes` (solve/eval's --python-runtime): python3 programs run there."""
    _usable(runtime, judge)
    probe = "import sys\nprint(sys.implementation.name, sys.version)\n"
    test = TestCase("t", Blob.of(""))
    limits = Limits(time=5.0)

    def output(j: Judge, language: str) -> str | None:
        return j.run(j.prepare(language, probe), test, limits).output_digest

    with Judge(JudgeConfig(workers=1, runtimes=(("python3", runtime),))) as j:
        assert output(j, "python3") == output(judge, runtime) != output(judge, "python3")
        report = j.judge(
            _Problem(),
            Program("python3", A_PLUS_B),
            [TestCase("t", Blob.of("2 3\n"), Blob.of("5\n"))],
        )
        assert report.language == runtime and report.verdict is Verdict.AC, report
        limits = j.limits_for(_Problem(), "python3")
        assert limits.time == _Problem.time_limit * EXECUTORS[runtime].time_multiplier


def test_judge_cli_language_choices_are_the_registry() -> None:
    from alphasolve.cli import build_parser

    parser = build_parser()
    for name in EXECUTORS:
        args = parser.parse_args(["judge", "p", "s.py", "--language", name])
        assert args.language == name
    with pytest.raises(SystemExit):
        parser.parse_args(["judge", "p", "s.py", "--language", "cobol"])


def test_kattis_python_submissions_run_as_kattis_runs_them(tmp_path: Path) -> None:
    from alphasolve.formats.kattis import load_problem

    root = tmp_path / "hello"
    (root / "data" / "sample").mkdir(parents=True)
    (root / "data" / "sample" / "1.in").write_text("")
    (root / "data" / "sample" / "1.ans").write_text("hi\n")
    (root / "problem.yaml").write_text("name: Hello\n")
    (root / "submissions" / "accepted").mkdir(parents=True)
    (root / "submissions" / "accepted" / "hi.py").write_text("print('hi')\n")
    (root / "submissions" / "accepted" / "hi.cpp").write_text("int main(){}\n")
    problem = load_problem(root)
    languages = {s.name: s.language for s in problem.solutions}
    pypy = "pypy3" in EXECUTORS and installed("pypy3")
    assert languages == {
        "accepted/hi.cpp": "cpp17",
        "accepted/hi.py": "pypy3" if pypy else "python3",
    }
    said = any("Kattis judges python3" in w for w in problem.warnings)
    assert said == ("pypy3" in EXECUTORS and not pypy)

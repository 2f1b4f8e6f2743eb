"""Problem data and model directories through Ray's object store (alphasolve.pipeline.payload):
a problem whose directory is gone judges exactly as the loaded one, from a content-addressed
node cache that fills once."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from alphasolve.formats import load_problem
from alphasolve.problem import Blob, Problem, TestCase
from judges import Judge, Program
from tests.conftest import REPO

# A testlib checker in C++ that needs its header: the header must travel with it.
CHECKER = """#include <cstdio>
#include "compare.h"
int main(int argc, char** argv) {
    long long out = 0, ans = 0;
    FILE* o = std::fopen(argv[2], "r");
    FILE* a = std::fopen(argv[3], "r");
    if (std::fscanf(o, "%lld", &out) != 1) return 2;
    if (std::fscanf(a, "%lld", &ans) != 1) return 3;
    return same(out, ans) ? 0 : 1;
}
"""
HEADER = "inline bool same(long long a, long long b) { return a % 1000 == b % 1000; }\n"
BIG = " ".join(str(i) for i in range(3000)) + "\n"  # larger than the inline limit used below


def write_problem(root: Path) -> Path:
    """A native problem: sum of a list, answers compared modulo 1000 by a C++ checker."""
    d = root / "sum-mod"
    for sub in ("examples", "tests", "solutions/wrong_answer"):
        (d / sub).mkdir(parents=True)
    (d / "problem.yaml").write_text(
        "name: Sum Mod\ntime_limit: 2.0\nmemory_limit: 256\n"
        "checker: {type: custom, program: checker.cpp, convention: testlib}\n"
    )
    (d / "statement.md").write_text("Sum the numbers.\n\n## Input\nNumbers.\n\n## Output\nSum.\n")
    (d / "checker.cpp").write_text(CHECKER)
    (d / "compare.h").write_text(HEADER)
    (d / "examples" / "1.in").write_text("1 2 3\n")
    (d / "examples" / "1.ans").write_text("6\n")
    (d / "tests" / "big.in").write_text(BIG)
    (d / "tests" / "big.ans").write_text(f"{sum(range(3000))}\n")
    (d / "tests" / "same.in").write_text(BIG)  # the same bytes: one file in the cache
    (d / "tests" / "same.ans").write_text(f"{sum(range(3000)) + 1000}\n")  # equal mod 1000
    (d / "solutions" / "sum.py").write_text("print(sum(map(int, input().split())))\n")
    (d / "solutions" / "wrong_answer" / "first.py").write_text("print(input().split()[0])\n")
    return d


def verdicts(judge: Judge, problem: Problem, programs: list[Program]) -> list[str]:
    tests = problem.examples + problem.hidden_tests
    return [str(judge.judge(problem, p, tests).verdict) for p in programs]


def test_a_node_without_the_problem_directory_judges_as_the_loaded_problem(
    tmp_path: Path, ray_local: None, judge: Judge
) -> None:
    import ray

    from alphasolve.pipeline.payload import materialise, put_problem

    loaded = load_problem(write_problem(tmp_path))
    programs = [Program(s.language, s.source.text()) for s in loaded.solutions]
    before = verdicts(judge, loaded, programs)
    assert before == ["AC", "WA"]
    assert ray.get(put_problem(loaded).judge).hidden == ()  # solve's: no hidden tests at all
    ref = put_problem(loaded, hidden=True, inline_max=1024)
    shutil.rmtree(tmp_path / "sum-mod")  # the judge's node has no copy of the problem

    problem = materialise(ray.get(ref.judge), tmp_path / "cache")
    sampler = ray.get(ref.sampler)
    assert verdicts(judge, problem, programs) == before
    # the checker sits beside its header, in a directory named by their content
    program = problem.checker.program
    assert program is not None and program.read_text() == CHECKER
    assert (program.parent / "compare.h").read_text() == HEADER
    assert program.parent.parent == tmp_path / "cache" / "checkers"
    # small tests inline, large ones real files the judge hands over as stdin
    assert problem.examples[0].input.data == b"1 2 3\n"
    big = problem.hidden_tests[0].input.path
    assert big is not None and big.name == hashlib.sha256(BIG.encode()).hexdigest()
    assert problem.hidden_tests[1].input.path == big  # same content, one file
    # samplers see the statement's examples (inline) and never a hidden test
    assert sampler.hidden_tests == () and sampler.examples[0].input.data == b"1 2 3\n"
    assert [s.source.data is not None for s in sampler.solutions] == [True, True]


def test_cache_is_content_addressed_and_fills_once(
    tmp_path: Path, ray_local: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ray

    from alphasolve.pipeline import payload as payload_module
    from alphasolve.pipeline.payload import ProblemCache, materialise, put_problem

    loaded = load_problem(write_problem(tmp_path))
    cache = tmp_path / "cache"
    first = materialise(ray.get(put_problem(loaded, hidden=True, inline_max=1024).judge), cache)
    files = sorted(p for p in cache.rglob("*") if p.is_file())
    stamps = [(p.stat().st_ino, p.stat().st_mtime_ns) for p in files]
    for p in files:
        if p.parent.parent.name == "blobs":
            assert p.name == hashlib.sha256(p.read_bytes()).hexdigest()
    assert not list(cache.rglob(".part-*"))

    # A fresh payload of the same problem (another run, another actor on the node): the
    # same paths, nothing fetched or rewritten.
    fetched: list[object] = []
    real_get = ray.get
    monkeypatch.setattr(payload_module.ray, "get", lambda r: fetched.append(r) or real_get(r))
    again = real_get(put_problem(loaded, hidden=True, inline_max=1024).judge)
    assert materialise(again, cache) == first
    assert fetched == []
    assert [(p.stat().st_ino, p.stat().st_mtime_ns) for p in files] == stamps

    problems = ProblemCache(capacity=1, cache=cache)
    assert problems.get(again) is problems.get(again)  # materialised once per actor


def test_model_directory_reaches_a_node_without_it(tmp_path: Path, ray_local: None) -> None:
    from alphasolve.pipeline.payload import ModelMissing, ModelSource, local_model_dir, ship_model

    model = tmp_path / "model"
    (model / "sub").mkdir(parents=True)
    (model / "config.json").write_text('{"d_model": 8}\n')
    (model / "sub" / "weights.bin").write_bytes(bytes(range(256)) * 64)
    source = ship_model(model)
    assert local_model_dir(source, tmp_path / "cache") == model  # the node has it: used as is

    shutil.move(model, tmp_path / "elsewhere")  # a sampler node without the directory:
    model.mkdir()  # an empty mount point there is not the model
    copy = local_model_dir(source, tmp_path / "cache")
    assert copy is not None and copy.parent == tmp_path / "cache" / "models"
    for p in (tmp_path / "elsewhere").rglob("*"):
        if p.is_file():
            assert (copy / p.relative_to(tmp_path / "elsewhere")).read_bytes() == p.read_bytes()
    assert local_model_dir(source, tmp_path / "cache") == copy  # unpacked once
    assert local_model_dir(ModelSource(None)) is None  # the model shipped in the package

    with pytest.raises(ModelMissing, match=rf"sampler node .*: model directory {model} is missing"):
        local_model_dir(ModelSource(str(model)))


def test_a_large_test_file_goes_to_the_object_store_without_passing_the_driver_heap(
    tmp_path: Path, ray_local: None
) -> None:
    import tracemalloc

    import ray

    from alphasolve.pipeline.payload import materialise, put_problem

    size = 48 * 2**20
    big = tmp_path / "big.in"
    with open(big, "wb") as f:
        for _ in range(size // 2**20):
            f.write(os.urandom(2**20))
    one = TestCase("1", Blob.of(b"1\n"), Blob.of(b"1\n"))
    problem = Problem("big", "Big", "", "", "", (one,), (TestCase("big", Blob.file(big)),),
                      1.0, 256, "native", tmp_path)  # fmt: skip
    tracemalloc.start()
    try:
        ref = put_problem(problem, hidden=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < size // 4, f"the driver's heap peaked at {peak / 2**20:.0f} MiB"
    copy = materialise(ray.get(ref.judge), tmp_path / "cache").hidden_tests[0].input.path
    assert copy is not None and copy.stat().st_size == size
    assert copy.name == hashlib.sha256(big.read_bytes()).hexdigest()


def test_an_interactor_travels_like_a_checker(
    tmp_path: Path, ray_local: None, judge: Judge
) -> None:
    import ray

    from alphasolve.pipeline.payload import materialise, put_problem

    shutil.copytree(REPO / "problems" / "hilltop", tmp_path / "hilltop")
    loaded = load_problem(tmp_path / "hilltop")
    programs = [Program(s.language, s.source.text()) for s in loaded.solutions]
    before = verdicts(judge, loaded, programs)
    ref = put_problem(loaded, hidden=True)
    shutil.rmtree(tmp_path / "hilltop")
    problem = materialise(ray.get(ref.judge), tmp_path / "cache")
    assert problem.interactor is not None and problem.interactor.program is not None
    assert problem.interactor.program.parent.parent == tmp_path / "cache" / "checkers"
    assert verdicts(judge, problem, programs) == before and "AC" in before

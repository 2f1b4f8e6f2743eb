"""The run directory survives kill -9: torn lines are cut, records are never duplicated."""

from __future__ import annotations

from pathlib import Path

import pytest

from alphasolve.errors import AlphasolveError
from alphasolve.rundir import RunDir, append_records, read_records


def test_append_and_read_back(tmp_path: Path) -> None:
    run = RunDir(tmp_path / "run")
    assert run.append("samples", [{"id": 1}, {"id": 2}]) == 2
    assert run.append("samples", []) == 0
    assert [r["id"] for r in run.read("samples")] == [1, 2]
    with pytest.raises(ValueError, match="unknown stage"):
        run.stage("bogus")


def test_torn_last_line_is_cut_then_appending_continues(tmp_path: Path) -> None:
    path = tmp_path / "samples.jsonl"
    append_records(path, [{"id": i} for i in range(3)])
    with path.open("a") as f:
        f.write('{"id": 3, "co')  # killed mid-write
    assert [r["id"] for r in read_records(path)] == [0, 1, 2]
    append_records(path, [{"id": 3}])
    assert [r["id"] for r in read_records(path)] == [0, 1, 2, 3]


def test_big_torn_tail(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    append_records(path, [{"id": 0}])
    with path.open("a") as f:
        f.write("x" * 200_000)  # a torn line longer than one read block
    assert [r["id"] for r in read_records(path)] == [0]


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": 0}\nnot json\n')
    with pytest.raises(AlphasolveError, match=r"x\.jsonl:2: not valid JSON"):
        list(read_records(path))


def test_problem_rows_follow_appends_as_a_full_scan_would(tmp_path: Path) -> None:
    run = RunDir(tmp_path / "run")

    def scan(pid: str) -> list[dict]:
        return [r for r in run.read("samples") if r["problem_id"] == pid]

    assert run.problem_rows("samples", "a") == []  # no file yet
    run.append("samples", [{"problem_id": p, "n": i, "code": "é\n"} for i, p in enumerate("abab")])
    assert run.problem_rows("samples", "a") == scan("a") and len(scan("a")) == 2
    # appended after the first look (by this RunDir or another): only the new bytes are read
    run.append("samples", [{"problem_id": "b", "n": 4}, {"problem_id": "c", "n": 5}])
    append_records(run.stage("samples"), [{"problem_id": "a", "n": 6}])
    for pid in "abcd":
        assert run.problem_rows("samples", pid) == scan(pid)
    assert [r["n"] for r in run.problem_rows("samples", "a")] == [0, 2, 6]
    # a line being written (a torn tail, the writer killed) is cut, as read() cuts it
    with run.stage("samples").open("a") as f:
        f.write('{"problem_id": "a", "n": 7, "co')
    assert [r["n"] for r in run.problem_rows("samples", "a")] == [0, 2, 6]
    run.append("samples", [{"problem_id": "a", "n": 8}])
    assert (
        [r["n"] for r in run.problem_rows("samples", "a")]
        == [0, 2, 6, 8]
        == [r["n"] for r in scan("a")]
    )
    # a file replaced by a shorter one is indexed again from the start
    run.stage("samples").write_text('{"problem_id": "a", "n": 9}\n')
    assert [r["n"] for r in run.problem_rows("samples", "a")] == [9]
    # a malformed line is an error naming file and line, as read() gives
    with run.stage("filter").open("w") as f:
        f.write('{"problem_id": "a"}\n\n{"problem_id": "a", oops}\n')
    with pytest.raises(AlphasolveError, match=r"filter\.jsonl:3: not valid JSON"):
        run.problem_rows("filter", "a")


def test_run_info_merges_atomically(tmp_path: Path) -> None:
    run = RunDir(tmp_path)
    run.update_info(config={"samples": 10}, timings={"sample": 1.5})
    info = run.update_info(timings={"filter": 0.5}, isolation="full")
    assert info["timings"] == {"sample": 1.5, "filter": 0.5}
    assert info["config"] == {"samples": 10} and info["isolation"] == "full"
    assert info["versions"]["alphasolve"]
    assert run.info() == info
    assert not list(tmp_path.glob(".run.json.*"))

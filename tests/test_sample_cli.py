"""`alphasolve sample` end to end with a tiny model directory: the file, resume, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alphasolve.cli import COMMANDS, main, sample_cmd
from alphasolve.model.samples_io import CHUNK_SIZE
from tests.test_model_samplers import PROBLEM_DIR, save_tiny_model

pytest.importorskip("torch")


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """Run through the real `main` (argument parsing, exit codes) with the command present."""
    monkeypatch.setitem(COMMANDS, "sample", sample_cmd)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


# Tiny models: see conftest.one_torch_thread.
pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("model"))


def sample(model_dir: Path, out: Path, n: int, *extra: str) -> int:
    return main(["sample", str(PROBLEM_DIR), "--samples", str(n), "--out", str(out),
                 "--model", str(model_dir), "--max-new-tokens", "8", "--seed", "4", *extra])  # fmt: skip


def test_writes_samples_jsonl(model_dir, tmp_path, capsys) -> None:
    assert sample(model_dir, tmp_path, 20, "--language", "cpp17", "--temperature", "0.8") == 0
    records = [json.loads(line) for line in (tmp_path / "samples.jsonl").read_text().splitlines()]
    assert len(records) == 20
    keys = {"problem_id", "candidate_id", "language", "code", "rating", "tags", "temperature",
            "log_likelihood", "seed", "num_tokens"}  # fmt: skip
    assert all(keys <= r.keys() for r in records)
    assert {r["language"] for r in records} == {"cpp17"}
    assert {r["temperature"] for r in records} == {0.8}
    assert {r["problem_id"] for r in records} == {"two-gifts"}
    assert "wrote 20 samples" in capsys.readouterr().out


def test_resume_continues_exactly_and_stops_when_complete(model_dir, tmp_path) -> None:
    total = CHUNK_SIZE + 6
    once, parts = tmp_path / "once", tmp_path / "parts"
    assert sample(model_dir, once, total) == 0
    assert sample(model_dir, parts, 5) == 0
    assert sample(model_dir, parts, total) == 0  # continues inside chunk 0, then chunk 1
    assert (parts / "samples.jsonl").read_text() == (once / "samples.jsonl").read_text()
    before = (parts / "samples.jsonl").read_text()
    assert sample(model_dir, parts, total) == 0
    assert (parts / "samples.jsonl").read_text() == before  # complete: nothing appended


def test_errors_exit_2_without_traceback(model_dir, tmp_path, monkeypatch, capsys) -> None:
    assert sample(tmp_path / "no-model", tmp_path, 3) == 2
    assert "no such model directory" in capsys.readouterr().err
    assert sample(model_dir, tmp_path, 3, "--language", "java:1") == 2
    assert "unknown language 'java'" in capsys.readouterr().err
    assert sample(model_dir, tmp_path, 3, "--temperature", "-1") == 2
    monkeypatch.setattr("alphasolve.model.seq2seq.DEFAULT_MODEL_DIR", tmp_path / "none")
    code = main(["sample", str(PROBLEM_DIR), "--samples", "2", "--out", str(tmp_path)])
    assert code == 2
    assert "no default model shipped yet; pass --model DIR" in capsys.readouterr().err


def test_without_replacement_flag(model_dir, tmp_path, capsys) -> None:
    assert sample(model_dir, tmp_path / "a", 16, "--without-replacement") == 0
    records = [json.loads(line) for line in (tmp_path / "a" / "samples.jsonl").open()]
    assert len(records) == 16 and len({r["code"] for r in records}) == 16  # one prompt group
    assert sample(model_dir, tmp_path / "b", 3, "--without-replacement", "--temperature", "0") == 2
    assert "without replacement needs a temperature > 0" in capsys.readouterr().err


def test_fake_sampler_needs_no_model(tmp_path) -> None:
    code = main(
        ["sample", str(PROBLEM_DIR), "--samples", "7", "--out", str(tmp_path), "--sampler", "fake"]
    )
    assert code == 0
    assert len((tmp_path / "samples.jsonl").read_text().splitlines()) == 7

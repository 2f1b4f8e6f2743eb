"""A decoder-only model end to end through the real CLI: `sample`, and `eval` (solve on Ray,
then per-language perplexity through Sampler.score), on a tiny random Llama directory built by
scripts/make_tiny_causal.py, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytest.importorskip("torch")

ENV = dict(os.environ, RAY_AUTH_MODE="disabled", HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")


def cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "alphasolve.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=timeout)


@pytest.fixture(scope="module")
def llama_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiny") / "llama"
    script = REPO / "scripts" / "make_tiny_causal.py"
    done = subprocess.run(
        [sys.executable, str(script), str(out)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def test_sample_with_a_causal_model(llama_dir: Path, tmp_path: Path) -> None:
    run = tmp_path / "run"
    args = ("sample", str(REPO / "problems" / "two-gifts"), "--model", str(llama_dir), "--samples", "64",
            "--out", str(run), "--max-new-tokens", "24")  # fmt: skip
    done = cli(*args)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in (run / "samples.jsonl").read_text().splitlines()]
    assert len(rows) == 64 and {r["language"] for r in rows} == {"python3", "cpp17"}
    assert all(r["tags"] and r["log_likelihood"] < 0 and 1 <= r["num_tokens"] <= 24 for r in rows)
    assert len({r["code"] for r in rows}) > 32
    again = cli(*args[:-2], "--max-new-tokens", "24", "--out", str(tmp_path / "again"))
    assert (
        again.returncode == 0
        and (tmp_path / "again" / "samples.jsonl").read_text()
        == (run / "samples.jsonl").read_text()
    )  # a run is reproducible from its seed
    # a base model's tokenizer has no chat template: asking for chat is one line
    done = cli(*args[:-4], "--out", str(tmp_path / "chat"), "--prompt", "chat")
    assert done.returncode == 2 and "needs a tokenizer with a chat template" in done.stderr
    assert "Traceback" not in done.stderr


def test_eval_with_a_causal_model_reports_perplexity(llama_dir: Path, tmp_path: Path) -> None:
    run = tmp_path / "eval"
    done = cli("eval", str(REPO / "problems" / "two-gifts"), "--model", str(llama_dir), "--samples", "8",
               "--subsets", "2", "--out", str(run), "--device", "cpu", timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    metrics = json.loads((run / "metrics.json").read_text())
    assert set(metrics["perplexity"]) == {"python3", "cpp17"}
    for lang in metrics["perplexity"].values():
        # a random model over ~2k tokens: perplexity near the vocabulary size
        assert lang["programs"] >= 1 and 100 < lang["perplexity"] < 20000
    for stage in ("samples", "filter", "picks"):
        assert (run / f"{stage}.jsonl").is_file(), stage

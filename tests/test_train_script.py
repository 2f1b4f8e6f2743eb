"""The trainer (alphasolve.train, run through scripts/train_default_model.py) on a tiny
corpus and a tiny model: the training pairs (including the auxiliary LITERALS task), warm
start from a saved model, resume, recorded config, export, and the exported model sampling
through the project's sampler."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from alphasolve.corpus.split import stream_jsonl
from alphasolve.model import prompt as prompts
from alphasolve.train import config as tconfig
from alphasolve.train import data, loop, memory
from alphasolve.train.config import TrainConfig, TrainError
from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "train_default_model.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "train.jsonl"
    stream_jsonl("train", 5, 24, 1, out)
    return out


def _rows(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in corpus.read_text().splitlines()]


def test_literals_task_targets_the_constants_the_statement_states(corpus) -> None:
    cfg = TrainConfig(copy_share=1.0, test_input_share=0.0, incorrect_share=0.0)
    rows = _rows(corpus)
    with_literals = [r for r in rows if data.statement_literals(r)]
    assert with_literals, "the corpus sample should hold problems with stated constants"
    for row in rows:
        pairs = data.examples_of(row, cfg, random.Random(0))
        copies = [(s, t) for s, t in pairs if s.startswith(data.LITERALS_PROMPT)]
        literals = data.statement_literals(row)
        if not literals:
            assert not copies  # constants read from the input are not the statement's
            continue
        assert len(copies) == 1
        source, target = copies[0]
        assert target.split(" ") == literals
        statement = source[len(data.LITERALS_PROMPT) :]
        for literal in literals:
            assert literal in statement, (row["id"], literal)
        # the two real tasks are still there, one program per language
        assert sum(not s.startswith(data.LITERALS_PROMPT) for s, _ in pairs) == len(
            row["solutions"]
        )


def _tiny_init(directory: Path, corpus: Path) -> Path:
    """A random tiny T5 and a tokenizer trained on the corpus texts, saved with
    save_pretrained: a model of one's own to continue training from."""
    import torch
    import transformers

    from alphasolve.model.tokenizer import train_tokenizer

    texts = []
    for row in _rows(corpus):
        texts += [row["legend"], row["input_spec"], row["output_spec"], *row["solutions"].values()]
    tokenizer = train_tokenizer(texts, vocab_size=512)
    torch.manual_seed(0)
    config = transformers.T5Config(
        vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=64, num_layers=2, num_heads=4,
        dropout_rate=0.0, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
    )  # fmt: skip
    transformers.T5ForConditionalGeneration(config).save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    (directory / "train_config.json").write_text(json.dumps({"trained_steps": 7}))
    return directory


def _run(*args: str, malloc: str = "system") -> subprocess.CompletedProcess:
    # --malloc system: where jemalloc is installed the script re-runs itself under it, which
    # pays torch's import twice per run (~40% of these tiny runs); one test keeps "auto".
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--threads", "1", "--malloc", malloc, *args],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_warm_start_resume_and_export(tmp_path: Path, corpus: Path) -> None:
    init = _tiny_init(tmp_path / "init", corpus)
    out = tmp_path / "run"
    common = ("--out", str(out), "--corpus", str(corpus))
    first = _run(*common, "--init", str(init), "--steps", "2", "--warmup", "1",
                 "--tokens-per-batch", "3000", "--copy-share", "1", "--precision", "float32")  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "vocab 512" in first.stdout and "training finished at step 2" in first.stdout
    assert "float32 with 1 threads" in first.stdout  # no bf16 autocast when asked for float32
    recorded = json.loads((out / "train_config.json").read_text())
    assert recorded["init"] == str(init) and recorded["init_steps"] == 7
    assert (recorded["d_model"], recorded["layers"], recorded["vocab_size"]) == (32, 2, 512)
    assert recorded["copy_share"] == 1.0

    # A flag that contradicts the recorded run is refused, in one line, before any work.
    clash = _run(*common, "--lr", "0.5")
    assert clash.returncode != 0 and "records lr=0.001" in clash.stderr
    assert "Traceback" not in clash.stderr

    # Resuming needs only --out (and may lengthen the schedule).
    second = _run(*common, "--steps", "3", "--precision", "bfloat16")
    assert second.returncode == 0, second.stderr
    assert "bfloat16 autocast with 1 threads" in second.stdout
    assert "resumed at step 2" in second.stdout and "2 -> 3 steps" in second.stdout

    # Once finished, a re-run says so and stops before preparing any data.
    third = _run(*common)
    assert third.returncode == 0, third.stderr
    assert "already finished at step 3 of 3" in third.stdout and "pairs" not in third.stdout

    exported = tmp_path / "model"
    done = _run("--out", str(out), "--export", str(exported))
    assert done.returncode == 0, done.stderr
    shipped = json.loads((exported / "train_config.json").read_text())
    assert shipped["trained_steps"] == 7 + 3
    assert shipped["init_config"] == {"trained_steps": 7}  # how the start was trained

    # It continued from the init weights (a fresh start draws others: seed 1234, not 0).
    from transformers import T5ForConditionalGeneration

    before = T5ForConditionalGeneration.from_pretrained(init, local_files_only=True)
    after = T5ForConditionalGeneration.from_pretrained(exported, local_files_only=True)
    after_state = after.state_dict()
    for name, a in before.state_dict().items():
        b = after_state[name]
        drift = (a.float() - b.float()).abs().mean() / a.float().abs().mean()
        assert drift < 0.05, (name, float(drift))  # 3 small steps and a bf16 rounding

    # The export is a model directory the project's sampler loads offline.
    from alphasolve.formats import load_problem
    from alphasolve.model import SamplingConfig
    from alphasolve.model.seq2seq import Seq2SeqSampler

    problem = load_problem(REPO / "problems" / "two-gifts")
    samples = Seq2SeqSampler(exported).sample(problem, 3, 0, SamplingConfig(max_new_tokens=8))
    assert len(samples) == 3 and all(s.log_likelihood < 0 for s in samples)


def test_init_from_something_that_is_not_a_t5_is_a_clear_error(tmp_path: Path, corpus) -> None:
    (tmp_path / "init").mkdir()
    (tmp_path / "init" / "config.json").write_text('{"model_type": "bart"}')
    result = _run("--out", str(tmp_path / "run"), "--corpus", str(corpus), "--init",
                  str(tmp_path / "init"))  # fmt: skip
    assert result.returncode != 0
    assert "model_type 'bart', expected 't5'" in result.stderr and "Traceback" not in result.stderr


def test_jemalloc_keeps_memory_bounded_when_preloaded() -> None:
    """Under jemalloc with decay off, freed pages stay resident until released; past the
    limit the training loop hands them back. Needs jemalloc installed (apt libjemalloc2)."""
    env = memory.jemalloc_env({"PATH": "/usr/bin:/bin"})
    if env is None:
        pytest.skip("jemalloc is not installed")
    code = (
        "import sys, psutil, torch\n"
        "import alphasolve.train.memory as t\n"
        "rss = lambda: psutil.Process().memory_info().rss >> 20\n"
        "xs = [torch.ones(1 << 24) for _ in range(16)]; del xs\n"  # 1 GiB, freed
        "held = rss()\n"
        "assert not t.release_memory_above(held << 21)\n"  # under the limit: kept
        "assert t.release_memory_above(0)\n"
        "print(held, rss())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    held, after = map(int, done.stdout.split())
    assert held - after > 700, (held, after)  # MiB handed back


def test_init_from_a_t5_of_another_layout_is_a_clear_error(tmp_path: Path, corpus) -> None:
    import transformers

    init = _tiny_init(tmp_path / "init", corpus)
    config = transformers.T5Config.from_dict(
        transformers.T5Config.from_pretrained(init).to_dict() | {"num_decoder_layers": 1}
    )  # a shallower decoder than encoder: the script's T5 has equal depths
    transformers.T5ForConditionalGeneration(config).save_pretrained(init)
    result = _run("--out", str(tmp_path / "run"), "--corpus", str(corpus), "--init", str(init),
                  "--steps", "1")  # fmt: skip
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "its weights do not fit this trainer's T5" in result.stderr


def test_placeholder_pairs_mask_the_constants_and_map_back(corpus) -> None:
    from alphasolve.model.literals import mask_problem, unmask

    cfg = TrainConfig(
        copy_share=1.0, test_input_share=1.0, incorrect_share=1.0, literal_placeholders=True
    )
    masked_constants = 0
    for row in _rows(corpus):
        problem = data.problem_from_row(row)
        _, literals = mask_problem(problem)
        pairs = data.examples_of(row, cfg, random.Random(0))
        programs = [(s, t) for s, t in pairs if "SOLUTION" in s.split("\n", 5)[-2]]
        tests = [s for s, _ in pairs if s.startswith("TEST INPUT")]
        copies = [t for s, t in pairs if s.startswith(data.LITERALS_PROMPT)]
        # a test input is asked for with the raw statement: its numbers must be real ones
        assert tests == [prompts.test_input_prompt(problem)]
        for source, target in programs:
            assert "<N" in source or not literals.numbers  # the prose's numbers are masked
            assert unmask(target, literals) in {
                *row["solutions"].values(),
                *(w["code"] for w in row.get("incorrect_solutions") or []),
            }
        for value in data.statement_literals(row):
            if value not in ("0", "1"):
                masked_constants += 1
                # the statement's constant reaches the program as its placeholder
                correct = [t for s, t in programs if "INCORRECT" not in s]
                assert all("<N" in t or "<L" in t for t in correct), row["id"]
        if copies:
            assert "<" in copies[0] and unmask(copies[0], literals).replace("'", "").split(
                " "
            ) == data.statement_literals(row)
    assert masked_constants > 0


def test_shuffled_placeholders_keep_statement_and_program_consistent(corpus, monkeypatch) -> None:
    from alphasolve.model.literals import mask_problem, unmask

    used = []

    def recording(problem, rng=None):  # the real masking, remembering its numbering
        masked, literals = mask_problem(problem, rng)
        used.append((masked, literals))
        return masked, literals

    monkeypatch.setattr(data, "mask_problem", recording)
    cfg = TrainConfig(literal_placeholders=True, shuffle_placeholders=1.0)
    reordered = 0
    for row in _rows(corpus):
        problem = data.problem_from_row(row)
        pairs = data.examples_of(row, cfg, random.Random(0))
        masked, literals = used[-1]
        reordered += literals != mask_problem(problem)[1]
        for source, target in pairs:
            if "SOLUTION" in source.split("\n", 5)[-2]:
                assert source.endswith(masked.full_statement())  # the prompt shows this numbering
                assert unmask(target, literals) in {  # and the program uses the same one
                    *row["solutions"].values(),
                    *(w["code"] for w in row.get("incorrect_solutions") or []),
                }
    assert reordered > len(used) // 3  # most statements with 2+ constants get a new order
    # share 0 (the default): reading order, and the data stream of older runs unchanged
    plain = TrainConfig(literal_placeholders=True)
    row = _rows(corpus)[0]
    data.examples_of(row, plain, random.Random(0))
    assert used[-1][1] == mask_problem(data.problem_from_row(row))[1]


def test_placeholder_run_exports_a_model_the_sampler_masks_for(tmp_path: Path, corpus) -> None:
    init = _tiny_init(tmp_path / "init", corpus)
    out, exported = tmp_path / "run", tmp_path / "model"
    first = _run("--out", str(out), "--corpus", str(corpus), "--init", str(init), "--steps",
                 "2", "--warmup", "1", "--tokens-per-batch", "3000",
                 "--literal-placeholders", "true", malloc="auto")  # fmt: skip
    assert first.returncode == 0, first.stderr
    # the default re-runs under jemalloc where it is installed, and trains all the same
    rerun = memory.jemalloc_env(dict(os.environ)) is not None
    assert ("re-running under" in first.stdout) == rerun, first.stdout[-2000:]
    assert "vocab 534" in first.stdout  # 512 + 16 number and 6 letter placeholders
    done = _run("--out", str(out), "--export", str(exported), "--sampling-temperature", "0.9")
    assert done.returncode == 0, done.stderr
    settings = json.loads((exported / "alphasolve.json").read_text())
    assert settings == {"literal_placeholders": True, "temperature": 0.9}

    from alphasolve.formats import load_problem
    from alphasolve.model import SamplingConfig
    from alphasolve.model.literals import mask_problem
    from alphasolve.model.masking import LiteralMasking
    from alphasolve.model.prompt import training_meta
    from alphasolve.model.sampler import KnownProgram, make_sampler

    sampler = make_sampler("auto", exported)
    assert isinstance(sampler, LiteralMasking)  # its alphasolve.json asks for placeholders
    backend = sampler.backend
    assert len(backend.tokenizer) == 534
    # The new rows must be told apart and weigh like the old ones (mean-resizing made them
    # near-copies of the mean row: cosine 0.98 between <N0> and <N1>).
    rows = backend.model.shared.weight.detach().float()
    new, old = rows[512:], rows[:512]
    unit = new / new.norm(dim=1, keepdim=True)
    cosine = (unit @ unit.T).fill_diagonal_(0)
    assert cosine.abs().max() < 0.8, float(cosine.abs().max())
    assert new.norm(dim=1).min() > 0.5 * old.norm(dim=1).mean()
    problem = load_problem(REPO / "problems" / "two-gifts")
    masked, literals = mask_problem(problem)
    assert literals.numbers  # the demo problem states its bounds
    scored_prompts: list[str] = []
    backend.score_pairs = lambda pairs: scored_prompts.extend(p for p, _ in pairs) or [(1.0, 1)]
    sampler.score([KnownProgram(problem, training_meta(problem, "python3", True), "")])
    assert masked.input_spec in scored_prompts[0] and problem.input_spec not in scored_prompts[0]
    samples = sampler.sample(problem, 4, 0, SamplingConfig(max_new_tokens=8))
    assert len(samples) == 4 and all(s.log_likelihood < 0 for s in samples)

    # What the model writes is mapped back before anyone sees it. (An untrained model
    # rarely writes a placeholder, so the decoder's output is fixed here.)
    from alphasolve.model.seq2seq import _Generated

    seen: list[str] = []
    bans: list[set[int]] = []

    def generate(prompts, sizes, seeds, config, banned):
        seen.extend(prompts)
        bans.append(set(banned))
        return [_Generated(["print(<N0>, <N9>)"] * n, [-1.0] * n, [5] * n) for n in sizes]

    backend._generate = generate
    codes = {s.code for s in sampler.sample(problem, 4, 0, SamplingConfig())}
    assert codes == {f"print({literals.numbers[0]}, <N9>)"}  # <N9>: not in this statement
    assert all(masked.input_spec in prompt for prompt in seen)
    # ... and a real decoder is never let draw <N9>: the statement does not define it.
    ids = backend.tokenizer.convert_tokens_to_ids(["<N0>", "<N9>", "<L0>"])
    assert ids[1] in bans[-1] and ids[0] not in bans[-1]
    assert (ids[2] in bans[-1]) == (not literals.letters)
    sampler.sample_inputs(problem, 2, 0, SamplingConfig())
    assert seen[-1].endswith(problem.full_statement())  # test inputs: the raw statement
    assert set(ids) <= bans[-1]  # an input is raw text: no placeholder at all


def test_continuing_a_placeholder_model_keeps_placeholders(tmp_path: Path, corpus) -> None:
    init = _tiny_init(tmp_path / "init", corpus)
    (init / "alphasolve.json").write_text('{"literal_placeholders": true}')

    def config(out: str, **flags):
        return tconfig.resolve_config(tmp_path / out, {"init": str(init)} | flags)

    assert config("a").literal_placeholders  # inherited from the init's alphasolve.json
    assert not config("b", literal_placeholders=False).literal_placeholders  # explicit wins
    (init / "alphasolve.json").unlink()
    assert not config("c").literal_placeholders
    # A broken record in the init is one line naming the file, not a traceback.
    (init / "alphasolve.json").write_text('{"literal_placeholders": "yes"}')
    with pytest.raises(TrainError, match=r"--init: .*alphasolve\.json: field 'literal_"):
        config("d")
    (init / "alphasolve.json").unlink()
    (init / "train_config.json").write_text("{torn")
    with pytest.raises(TrainError, match=r"--init .*train_config\.json: not a training record"):
        config("e")


def test_dropout_is_active_in_training_only_and_checked(tmp_path: Path, corpus) -> None:
    import torch

    cfg = TrainConfig(vocab_size=64, d_model=32, d_ff=64, layers=1, heads=2, dropout=0.3)
    model = loop.new_model(cfg, 64, 0, 1)
    assert model.config.dropout_rate == 0.3
    batch = {
        "input_ids": torch.tensor([[5, 6, 7, 1]]),
        "attention_mask": torch.ones(1, 4, dtype=torch.long),
        "labels": torch.tensor([[8, 9, 1]]),
    }
    model.train()
    assert model(**batch).loss.item() != model(**batch).loss.item()  # a fresh mask each pass
    model.eval()  # how the sampler runs it: dropout off, the same loss every time
    assert model(**batch).loss.item() == model(**batch).loss.item()

    out = tmp_path / "run"
    bad = _run("--out", str(out), "--corpus", str(corpus), "--dropout", "1.5")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert "--dropout 1.5: expected a rate in [0, 1)" in bad.stderr
    assert not (out / "train_config.json").exists()  # nothing recorded for a refused run


def test_sigterm_during_the_steps_saves_a_checkpoint_and_resumes_there(
    tmp_path: Path, corpus: Path
) -> None:
    import signal

    import torch

    init = _tiny_init(tmp_path / "init", corpus)
    out = tmp_path / "run"
    common = ("--out", str(out), "--corpus", str(corpus))
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), "--threads", "1", *common, "--init", str(init),
         "--steps", "100000", "--tokens-per-batch", "3000", "--precision", "float32"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for line in proc.stdout:  # wait until the steps have begun, then stop it as a pod would
            if line.startswith("training (SIGTERM"):
                proc.send_signal(signal.SIGTERM)
                break
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        proc.kill()
    assert proc.returncode == 0, stderr
    stopped = [s for s in stdout.splitlines() if s.startswith("stopping this sitting at step")]
    assert len(stopped) == 1 and "on SIGTERM" in stopped[0], stdout
    step = int(stopped[0].split()[5])
    assert 1 <= step < 100000
    assert torch.load(out / "checkpoint.pt", weights_only=False)["step"] == step

    again = _run(*common, "--max-minutes", "0")
    assert again.returncode == 0, again.stderr
    assert f"resumed at step {step} " in again.stdout

"""Samplers: FakeSampler and Seq2SeqSampler (on tiny models saved to a temporary directory),
the registry, and resumable sampling into a JSONL file."""

from __future__ import annotations

import logging
import math
from dataclasses import replace
from pathlib import Path

import pytest

from alphasolve.formats import load_problem
from alphasolve.model import FakeSampler, SamplingConfig, sampler_class
from alphasolve.model.fake import broken_variants
from alphasolve.model.prompt import RATINGS, LanguageSplit
from alphasolve.model.sampler import ModelError, make_sampler
from alphasolve.model.samples_io import CHUNK_SIZE
from alphasolve.pipeline.sample_stage import sample_problem
from alphasolve.records import SampleRecord
from alphasolve.rundir import RunDir
from tests.conftest import REPO

PROBLEM_DIR = REPO / "problems" / "two-gifts"
FAST = SamplingConfig(max_new_tokens=12)


@pytest.fixture(scope="module")
def problem():
    return load_problem(PROBLEM_DIR)


# Tiny models: see conftest.one_torch_thread.
pytestmark = pytest.mark.usefixtures("one_torch_thread")


def save_tiny_model(directory: Path, architecture: str = "t5") -> Path:
    """A randomly initialised seq2seq model and a BPE tokenizer trained on one problem,
    saved as `save_pretrained` directories are: what `--model DIR` points at."""
    import torch
    import transformers

    from alphasolve.model.tokenizer import train_tokenizer

    problem = load_problem(PROBLEM_DIR)
    texts = [problem.full_statement()] + [s.source.text() for s in problem.solutions]
    tokenizer = train_tokenizer(texts * 3, vocab_size=384)
    torch.manual_seed(0)
    common = dict(
        vocab_size=len(tokenizer), pad_token_id=0, eos_token_id=1, decoder_start_token_id=0
    )
    if architecture == "t5":
        config = transformers.T5Config(
            d_model=32, d_kv=8, d_ff=64, num_layers=2, num_heads=4, dropout_rate=0.0, **common
        )
        model = transformers.T5ForConditionalGeneration(config)
    else:
        config = transformers.BartConfig(
            d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
            decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, bos_token_id=2,
            forced_bos_token_id=None, forced_eos_token_id=None, max_position_embeddings=1024,
            **common,
        )  # fmt: skip
        model = transformers.BartForConditionalGeneration(config)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.fixture(scope="module")
def t5_dir(tmp_path_factory) -> Path:
    pytest.importorskip("torch")
    return save_tiny_model(tmp_path_factory.mktemp("t5"))


# -- FakeSampler ----------------------------------------------------------------------------


def test_fake_sampler_is_deterministic_and_mixed(problem) -> None:
    sampler = FakeSampler()
    first = sampler.sample(problem, 100, 5, FAST)
    assert first == sampler.sample(problem, 100, 5, FAST)
    assert first != sampler.sample(problem, 100, 6, FAST)
    assert len(first) == 100
    references = {s.source.text() for s in problem.solutions}
    codes = {c.code for c in first}
    assert codes & references and codes - references  # right and broken programs
    assert {c.language for c in first} == {"python3", "cpp17"}
    assert all(c.problem_id == problem.id and c.rating in RATINGS for c in first)


def test_fake_sampler_pool_and_inputs(problem) -> None:
    sampler = FakeSampler(pool=[("python3", "print(1)\n")])
    config = SamplingConfig(languages=LanguageSplit.parse("python3"))
    assert {c.code for c in sampler.sample(problem, 10, 0, config)} == {"print(1)\n"}
    inputs = sampler.sample_inputs(problem, 7, 0, config)
    assert len(inputs) == 7 and set(inputs) <= {
        t.input.text() for t in problem.examples + problem.hidden_tests
    }


def test_fake_sampler_without_replacement_uses_up_its_pool_first(problem) -> None:
    pool = [("python3", f"print({i})\n") for i in range(5)]
    config = SamplingConfig(
        languages=LanguageSplit.parse("python3"), samples_per_prompt=7, without_replacement=True
    )
    drawn = [c.code for c in FakeSampler(pool=pool).sample(problem, 7, 0, config)]
    assert set(drawn[:5]) == {code for _, code in pool} and drawn[5:] == drawn[:2]


def test_broken_variants_differ() -> None:
    code = "n = int(input())\nprint(n * 2)\n"
    assert all(v != code for v in broken_variants(code, "python3"))


def test_registry() -> None:
    assert sampler_class("fake") is FakeSampler
    assert isinstance(make_sampler("fake"), FakeSampler)
    with pytest.raises(ValueError, match="known: auto, seq2seq, causal, fake"):
        sampler_class("gpt")


# -- Seq2SeqSampler -------------------------------------------------------------------------


def test_seq2seq_sampler_is_deterministic_given_the_seed(t5_dir, problem) -> None:
    from alphasolve.model import Seq2SeqSampler

    sampler = Seq2SeqSampler(t5_dir)
    first = sampler.sample(problem, 20, 3, FAST)
    assert len(first) == 20
    assert first == Seq2SeqSampler(t5_dir).sample(problem, 20, 3, FAST)  # a retried work unit
    assert [c.code for c in first] != [c.code for c in sampler.sample(problem, 20, 4, FAST)]
    assert len({c.code for c in first}) > 10  # samples differ within a call
    for cand in first:
        assert cand.language in ("python3", "cpp17") and cand.seed == 3
        assert 1 <= cand.num_tokens <= FAST.max_new_tokens
        assert math.isfinite(cand.log_likelihood) and cand.log_likelihood < 0
    # the groups' samples do not depend on how groups are batched together
    small_batches = sampler.sample(problem, 20, 3, SamplingConfig(max_new_tokens=12, batch_size=8))
    assert [c.code for c in small_batches] == [c.code for c in first]


def test_without_replacement_each_group_draws_distinct_programs(t5_dir, problem) -> None:
    from alphasolve.model import Seq2SeqSampler

    sampler = Seq2SeqSampler(t5_dir)
    config = SamplingConfig(max_new_tokens=12, samples_per_prompt=8, without_replacement=True)
    drawn = sampler.sample(problem, 20, 3, config)
    assert len(drawn) == 20  # groups of 8, 8 and 4
    for start in (0, 8, 16):
        group = drawn[start : start + 8]
        assert len({c.code for c in group}) == len(group)
        assert len({(c.rating, c.tags, c.language) for c in group}) == 1  # one header
    assert all(math.isfinite(c.log_likelihood) and c.log_likelihood < 0 for c in drawn)
    assert drawn == Seq2SeqSampler(t5_dir).sample(problem, 20, 3, config)  # a retried unit
    # the groups' samples do not depend on how groups are batched together
    one_by_one = sampler.sample(problem, 20, 3, replace(config, batch_size=8))
    assert [c.code for c in one_by_one] == [c.code for c in drawn]


def test_without_replacement_is_refused_when_greedy() -> None:
    with pytest.raises(ValueError, match="without replacement needs a temperature > 0"):
        SamplingConfig(temperature=0, without_replacement=True)


def test_model_stored_in_bfloat16(tmp_path, problem) -> None:
    """The shipped model is stored in bf16 to halve its size; it samples like any other."""
    import torch
    import transformers

    from alphasolve.model import Seq2SeqSampler

    source = save_tiny_model(tmp_path / "fp32")
    model = transformers.AutoModelForSeq2SeqLM.from_pretrained(source)
    model.to(torch.bfloat16).save_pretrained(tmp_path / "bf16")
    transformers.AutoTokenizer.from_pretrained(source).save_pretrained(tmp_path / "bf16")
    sampler = Seq2SeqSampler(tmp_path / "bf16")
    assert sampler.model.dtype == torch.float32
    config = SamplingConfig(max_new_tokens=12, dtype="float32")
    assert sampler.sample(problem, 8, 2, config) == sampler.sample(problem, 8, 2, config)


def test_seq2seq_sample_inputs(t5_dir, problem) -> None:
    from alphasolve.model import Seq2SeqSampler

    inputs = Seq2SeqSampler(t5_dir).sample_inputs(problem, 5, 0, FAST)
    assert len(inputs) == 5 and all(isinstance(s, str) for s in inputs)


def test_generate_fallback_for_other_architectures(tmp_path, problem, caplog) -> None:
    pytest.importorskip("torch")
    from alphasolve.model import Seq2SeqSampler

    sampler = Seq2SeqSampler(save_tiny_model(tmp_path, "bart"))
    first = sampler.sample(problem, 6, 1, FAST)
    assert first == sampler.sample(problem, 6, 1, FAST)
    assert all(math.isfinite(c.log_likelihood) and 1 <= c.num_tokens <= 12 for c in first)
    # generate() cannot sample without replacement: it says so once and samples as before
    distinct = replace(FAST, without_replacement=True)
    with caplog.at_level(logging.WARNING, logger="alphasolve.model.seq2seq"):
        assert sampler.sample(problem, 6, 1, distinct) == first
        sampler.sample(problem, 6, 1, distinct)
    warnings = [r for r in caplog.records if "without replacement" in r.getMessage()]
    assert len(warnings) == 1 and "BartForConditionalGeneration" in warnings[0].getMessage()


def test_bad_model_directories(tmp_path) -> None:
    pytest.importorskip("torch")
    from alphasolve.model import Seq2SeqSampler

    with pytest.raises(ModelError, match="no such model directory"):
        Seq2SeqSampler(tmp_path / "missing")
    with pytest.raises(ModelError, match=r"no config\.json"):
        Seq2SeqSampler(tmp_path)
    (tmp_path / "config.json").write_text("{not json")
    with pytest.raises(ModelError, match="cannot load"):
        Seq2SeqSampler(tmp_path)
    assert issubclass(ModelError, ValueError)


# -- resumable sampling into samples.jsonl ---------------------------------------------------


def test_resume_writes_what_one_run_writes(tmp_path, problem) -> None:
    total = CHUNK_SIZE + 30
    once, twice = RunDir(tmp_path / "once"), RunDir(tmp_path / "twice")
    assert sample_problem(once, FakeSampler(), problem, total, 9, FAST) == total
    assert sample_problem(twice, FakeSampler(), problem, 10, 9, FAST) == 10
    assert sample_problem(twice, FakeSampler(), problem, total, 9, FAST) == total - 10
    assert twice.stage("samples").read_text() == once.stage("samples").read_text()
    assert sample_problem(twice, FakeSampler(), problem, total, 9, FAST) == 0  # complete
    assert len(twice.rows(SampleRecord, problem.id)) == total
    assert twice.rows(SampleRecord, "other") == []


def test_torn_last_line_is_dropped(tmp_path, problem) -> None:
    run = RunDir(tmp_path)
    sample_problem(run, FakeSampler(), problem, 5, 0, FAST)
    path = run.stage("samples")
    good = path.read_text()
    path.write_text(good + '{"problem_id": "two-gi')
    assert len(RunDir(tmp_path).rows(SampleRecord, problem.id)) == 5
    assert path.read_text() == good

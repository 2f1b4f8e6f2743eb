"""CausalLMSampler and the shared-prefix loop, on tiny random Llama-, Qwen2- and GPT-2-style
models built with the shipped tokenizer (alphasolve/model/tiny_causal.py), saved to temporary
directories and loaded the way a user's `--model DIR` is."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from alphasolve.formats import load_problem
from alphasolve.model.prompt import training_meta
from alphasolve.model.sampler import (
    KnownProgram,
    LoadOptions,
    ModelError,
    PromptStyle,
    SamplingConfig,
    backend_name,
    make_sampler,
    plan_groups,
)
from tests.conftest import REPO

torch = pytest.importorskip("torch")

PROBLEM_DIR = REPO / "problems" / "two-gifts"
FAST = SamplingConfig(max_new_tokens=12)
pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _builder():
    from alphasolve.model.tiny_causal import make_tiny_causal

    return make_tiny_causal


@pytest.fixture(scope="module")
def problem():
    return load_problem(PROBLEM_DIR)


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict[str, Path]:
    make = _builder()
    root = tmp_path_factory.mktemp("causal")
    built = {arch: make(root / arch, arch) for arch in ("llama", "qwen2", "gpt2")}
    built["chat"] = make(root / "chat", "qwen2", chat=True)
    return built


def _teacher_forced(sampler, prompt: list[int], tokens: list[int]) -> float:
    ids = torch.tensor([prompt + tokens])
    with torch.no_grad():
        logits = sampler.model(input_ids=ids).logits[0, len(prompt) - 1 : -1].float()
    return float(logits.log_softmax(-1).gather(1, ids[0, len(prompt) :, None]).sum())


def test_backend_by_inspection(models, tmp_path) -> None:
    for arch in ("llama", "qwen2", "gpt2"):
        assert backend_name("auto", models[arch]) == "causal"
    assert backend_name("auto", None) == "seq2seq"  # the shipped model
    assert backend_name("auto", REPO / "alphasolve" / "default_model") == "seq2seq"
    (tmp_path / "config.json").write_text('{"architectures": ["BertModel"], "model_type": "bert"}')
    with pytest.raises(ModelError, match="neither an encoder-decoder nor a causal") as caught:
        backend_name("auto", tmp_path)
    assert "\n" not in str(caught.value) and "BertModel" in str(caught.value)
    with pytest.raises(
        ModelError,
        match="unknown sampler 'gpt' \\(known: auto, seq2seq, causal, fake, simulated-gpu\\)",
    ):
        make_sampler("gpt", tmp_path)


@pytest.mark.parametrize("arch", ["llama", "qwen2", "gpt2"])
def test_samples_have_code_tags_and_teacher_forced_likelihoods(models, problem, arch) -> None:
    from alphasolve.model.causal import CausalLMSampler

    sampler = make_sampler("auto", models[arch])
    assert isinstance(sampler, CausalLMSampler)
    config = SamplingConfig(max_new_tokens=12, samples_per_prompt=4, batch_size=8)
    drawn = sampler.sample(problem, 10, 3, config)  # groups of 4, 4, 2: two batches
    assert len(drawn) == 10 and len({c.code for c in drawn}) > 5
    groups = plan_groups(10, 3, config)
    for i, cand in enumerate(drawn):
        group = groups[i // 4]
        assert (cand.language, cand.tags, cand.rating) == (
            group.meta.language,
            group.meta.tags,
            group.meta.rating,
        )
        assert 1 <= cand.num_tokens <= 12 and cand.log_likelihood < 0
    # the shared-prefix loop's log-likelihoods are a teacher-forced pass's over the same tokens
    prompts = [sampler._solution_prompt(problem, g.meta) for g in groups]
    decoded = sampler._generate(prompts, [4, 4, 2], [g.seed for g in groups], config, ())
    for row in range(10):
        tokens = decoded.tokens[row, : int(decoded.lengths[row])].tolist()
        assert decoded.log_likelihoods[row] == pytest.approx(drawn[row].log_likelihood)
        expected = _teacher_forced(sampler, prompts[row // 4], tokens)
        assert float(decoded.log_likelihoods[row]) == pytest.approx(expected, abs=2e-3)


def test_a_chunk_is_reproducible_from_its_work_unit(models, problem) -> None:
    config = SamplingConfig(max_new_tokens=10, top_k=50, top_p=0.9, repetition_penalty=1.3)
    first = make_sampler("causal", models["llama"]).sample(problem, 20, 7, config)
    again = make_sampler("causal", models["llama"]).sample(problem, 20, 7, config)
    assert first == again
    other = make_sampler("causal", models["llama"]).sample(problem, 20, 8, config)
    assert [c.code for c in other] != [c.code for c in first]
    # a group's samples do not depend on which groups share its batch
    alone = make_sampler("causal", models["llama"]).sample(
        problem, 20, 7, replace(config, batch_size=16)
    )
    assert [c.code for c in alone] == [c.code for c in first]


@pytest.mark.parametrize("arch", ["gpt2", "llama", "qwen2"])
def test_greedy_equals_generate(models, problem, arch) -> None:
    sampler = make_sampler("causal", models[arch])
    config = SamplingConfig(temperature=0, max_new_tokens=8, samples_per_prompt=2)
    drawn = sampler.sample(problem, 2, 0, config)
    prompt = sampler._solution_prompt(problem, plan_groups(2, 0, config)[0].meta)
    with torch.no_grad():
        out = sampler.model.generate(
            torch.tensor([prompt]), do_sample=False, max_new_tokens=8, pad_token_id=0
        )
    expected = sampler.tokenizer.decode(out[0, len(prompt) :], skip_special_tokens=True)
    assert drawn[0].code == drawn[1].code == expected
    if arch != "gpt2":  # the tiny gpt2 repeats one token; these continuations vary, so a
        # position or cache error that still picks that token cannot pass unnoticed
        assert len(set(out[0, len(prompt) :].tolist())) > 1


def test_without_replacement_draws_distinct_programs(models, problem) -> None:
    sampler = make_sampler("causal", models["qwen2"])
    config = SamplingConfig(max_new_tokens=6, samples_per_prompt=8, without_replacement=True)
    drawn = sampler.sample(problem, 16, 3, config)
    for start in (0, 8):
        assert len({c.code for c in drawn[start : start + 8]}) == 8
    assert drawn == sampler.sample(problem, 16, 3, config)
    groups = plan_groups(16, 3, config)
    prompt = sampler._solution_prompt(problem, groups[0].meta)
    decoded = sampler._generate([prompt], [8], [groups[0].seed], config, ())
    for row in range(8):
        tokens = decoded.tokens[row, : int(decoded.lengths[row])].tolist()
        expected = _teacher_forced(sampler, prompt, tokens)
        assert float(decoded.log_likelihoods[row]) == pytest.approx(expected, abs=2e-3)


def test_sample_inputs_and_score(models, problem) -> None:
    sampler = make_sampler("causal", models["llama"])
    inputs = sampler.sample_inputs(problem, 5, 0, FAST)
    assert len(inputs) == 5 and all(isinstance(s, str) for s in inputs)
    meta = training_meta(problem, "python3", True)
    code = problem.solutions[0].source.text()
    [scored] = sampler.score([KnownProgram(problem, meta, code)])
    prompt = sampler._solution_prompt(problem, meta)
    target = sampler._target(code, "python3")
    assert scored.tokens == len(target) and target[-1] == 1  # EOS ends the program
    assert scored.log_likelihood == pytest.approx(
        _teacher_forced(sampler, prompt, target), abs=1e-3
    )


class _ScriptedLM(torch.nn.Module):
    """A stand-in model whose reply is a fixed token script (greedy: one-hot logits by
    position), to test where chat sampling stops and what it extracts."""

    def __init__(self, config, script: list[int], vocab: int) -> None:
        super().__init__()
        self.config, self.script, self.vocab = config, script, vocab
        self.anchor = torch.nn.Parameter(torch.zeros(1))

    def forward(self, input_ids, attention_mask, position_ids, cache, use_cache, logits_to_keep):
        step = int(attention_mask.shape[1]) - self.prompt_width
        logits = torch.full((input_ids.shape[0], 1, self.vocab), -10.0)
        logits[:, 0, self.script[min(step, len(self.script) - 1)]] = 10.0
        return SimpleNamespace(logits=logits)


def test_chat_prompt_extracts_the_first_fenced_block(models, problem, caplog) -> None:
    from alphasolve.model.kv_decode import SharedPrefixDecoder

    sampler = make_sampler("auto", models["chat"], LoadOptions(prompt=PromptStyle.CHAT))
    config = SamplingConfig(temperature=0, max_new_tokens=40, samples_per_prompt=2)
    meta = plan_groups(2, 0, config)[0].meta
    prompt = sampler._solution_prompt(problem, meta)
    text = sampler.tokenizer.decode(prompt)
    assert "<|assistant|>" in text and "fenced code block" in text and problem.name in text
    reply = "Here it is:\n```python\nprint(1)\n```\nand some words after it"
    script = sampler.tokenizer(reply, add_special_tokens=False)["input_ids"]
    fake = _ScriptedLM(sampler.model.config, script, len(sampler.tokenizer))
    fake.prompt_width = len(prompt)
    sampler.decoder = SharedPrefixDecoder(fake, sampler.decoder.eos_ids, sampler.pad_id)
    drawn = sampler.sample(problem, 2, 0, config)
    assert [c.code for c in drawn] == ["print(1)\n"] * 2
    stop = sampler.tokenizer("Here it is:\n```python\nprint(1)\n```", add_special_tokens=False)[
        "input_ids"
    ]
    assert drawn[0].num_tokens == len(stop)  # stopped at the closing fence
    # a random model's replies have no block: empty programs, counted, no error
    plain = make_sampler("causal", models["chat"], LoadOptions(prompt=PromptStyle.CHAT))
    with caplog.at_level(logging.INFO, logger="alphasolve.model.causal"):
        noise = plain.sample(problem, 4, 0, SamplingConfig(max_new_tokens=8))
    assert [c.code for c in noise] == [""] * 4
    assert any(
        "4 of 4 chat replies had no fenced code block" in r.getMessage() for r in caplog.records
    )


def test_ids_past_the_tokenizer_are_never_drawn(problem, tmp_path) -> None:
    """A model whose output layer is wider than its tokenizer (as Qwen2.5's is): the extra
    ids cannot be decoded (nor looked up as chat fence marks), so they are never drawn."""
    from alphasolve.model.kv_decode import SharedPrefixDecoder
    from alphasolve.model.tiny_causal import make_tiny_causal

    path = make_tiny_causal(tmp_path / "padded", "qwen2", chat=True, extra_logits=300)
    sampler = make_sampler("causal", path, LoadOptions(prompt=PromptStyle.CHAT))
    words = len(sampler.tokenizer)
    config = SamplingConfig(temperature=0, max_new_tokens=6, samples_per_prompt=2)
    prompt = sampler._solution_prompt(problem, plan_groups(2, 0, config)[0].meta)
    fake = _ScriptedLM(sampler.model.config, [words + 5], words + 300)  # always favours one
    fake.prompt_width = len(prompt)
    sampler.decoder = SharedPrefixDecoder(fake, sampler.decoder.eos_ids, sampler.pad_id)
    drawn = sampler.sample(problem, 2, 0, config)
    assert len(drawn) == 2 and all(c.num_tokens > 0 for c in drawn)


def test_chat_settings_and_refusals(models, tmp_path) -> None:
    (models["chat"] / "alphasolve.json").write_text('{"prompt": "chat"}')
    try:
        assert make_sampler("auto", models["chat"]).prompt is PromptStyle.CHAT
    finally:
        (models["chat"] / "alphasolve.json").unlink()
    with pytest.raises(ModelError, match="needs a tokenizer with a chat template"):
        make_sampler("auto", models["llama"], LoadOptions(prompt=PromptStyle.CHAT))
    with pytest.raises(ModelError, match="seq2seq sampler has no chat prompt"):
        make_sampler("auto", None, LoadOptions(prompt=PromptStyle.CHAT))
    with pytest.raises(ModelError, match="needs --model DIR"):
        make_sampler("causal", None)
    with pytest.raises(ModelError, match="expected auto, cpu, cuda or cuda:N"):
        make_sampler("causal", models["llama"], LoadOptions(device="gpu"))


def test_broken_model_directories_are_one_line_errors(models, tmp_path) -> None:
    import shutil

    def broken(name: str, drop: tuple[str, ...] = ()) -> Path:
        target = tmp_path / name
        shutil.copytree(models["llama"], target)
        for pattern in drop:
            for f in target.glob(pattern):
                f.unlink()
        return target

    cases = {
        "no tokenizer": (
            broken("untokenized", ("tokenizer*",)),
            "no tokenizer saved with the model",
        ),
        "no weights": (broken("empty", ("*.safetensors",)), r"no weights \(\*\.safetensors\)"),
    }
    pickled = broken("pickled", ("*.safetensors",))
    (pickled / "pytorch_model.bin").write_bytes(b"\x80\x04")
    cases["pickles"] = (pickled, r"weights only as PyTorch pickles \(pytorch_model\.bin\)")
    for directory, message in cases.values():
        with pytest.raises(ModelError, match=message) as caught:
            make_sampler("auto", directory)
        assert str(directory) in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(ModelError, match="no such model directory"):
        make_sampler("causal", tmp_path / "missing")


def test_literal_masking_wraps_a_causal_backend(models, problem) -> None:
    from alphasolve.model.causal import CausalLMSampler
    from alphasolve.model.literals import mask_problem
    from alphasolve.model.masking import LiteralMasking

    (models["gpt2"] / "alphasolve.json").write_text('{"literal_placeholders": true}')
    try:
        sampler = make_sampler("auto", models["gpt2"])
    finally:
        (models["gpt2"] / "alphasolve.json").unlink()
    assert isinstance(sampler, LiteralMasking) and isinstance(sampler.backend, CausalLMSampler)
    masked, literals = mask_problem(problem)
    assert literals.numbers and masked.input_spec != problem.input_spec
    seen: list[str] = []
    backend = sampler.backend
    original = backend._solution_prompt

    def spy(shown, meta):
        seen.append(shown.input_spec)
        return original(shown, meta)

    backend._solution_prompt = spy
    assert len(sampler.sample(problem, 4, 0, FAST)) == 4
    assert seen and set(seen) == {masked.input_spec}  # the model reads placeholders


def test_devices_are_checked_at_load() -> None:
    from alphasolve.model.decoding import torch_device

    assert torch_device("cpu").type == "cpu"
    if not torch.cuda.is_available():
        assert torch_device("auto").type == "cpu"
        with pytest.raises(ModelError, match="--device cuda:3: this machine has 0 CUDA device"):
            torch_device("cuda:3")


@pytest.mark.parametrize("without_replacement", [False, True])
def test_preallocated_cache_samples_what_the_growing_one_does(
    models, problem, without_replacement
) -> None:
    """The preallocated buffers (used on GPUs) against transformers' growing cache."""
    from alphasolve.model.kv_decode import SharedPrefixDecoder

    sampler = make_sampler("causal", models["llama"])
    config = SamplingConfig(
        max_new_tokens=10, without_replacement=without_replacement, samples_per_prompt=6
    )
    grown = sampler.sample(problem, 12, 5, config)
    sampler.decoder = SharedPrefixDecoder(
        sampler.model, sampler.decoder.eos_ids, sampler.pad_id, preallocate=True
    )
    assert sampler.decoder._new_cache(8).layers[0].__class__.__name__ == "PreallocatedLayer"
    preallocated = sampler.sample(problem, 12, 5, config)
    assert [c.code for c in preallocated] == [c.code for c in grown]
    for a, b in zip(preallocated, grown, strict=True):
        assert a.log_likelihood == pytest.approx(b.log_likelihood, abs=1e-4)

"""The fast T5 loop against transformers itself, on tiny randomly initialised models.

The loop reimplements T5's decoder on its weights, so these tests are what keeps it honest
when transformers changes: sampled sequences must score the same under a teacher-forced
forward pass, and greedy decoding must equal `generate(do_sample=False)`.
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from alphasolve.model import fast_t5  # noqa: E402
from alphasolve.model.fast_t5 import FastT5, process_logits, sample_tokens  # noqa: E402
from alphasolve.model.sampler import SamplingConfig  # noqa: E402

# Tiny models: see conftest.one_torch_thread.
pytestmark = pytest.mark.usefixtures("one_torch_thread")


def tiny_t5(
    feed_forward_proj: str = "relu",
    tie: bool = True,
    seed: int = 0,
    decoder_layers: int = 3,
    init: float = 0.2,
    own_lm_head: bool = False,
):
    """`tie=False` is T5 v1.1's config: no d_model^-0.5 output scaling (transformers 5 ties
    the embeddings either way). `own_lm_head` gives the head its own random weights: with
    tied random embeddings greedy decoding just repeats the start token."""
    torch.manual_seed(seed)
    config = transformers.T5Config(
        vocab_size=64,
        d_model=32,
        d_kv=8,
        d_ff=48,
        num_layers=2,
        num_decoder_layers=decoder_layers,
        num_heads=4,
        # few, short buckets so that 40 steps reach the logarithmic buckets and the clamp
        relative_attention_num_buckets=8,
        relative_attention_max_distance=20,
        dropout_rate=0.0,
        feed_forward_proj=feed_forward_proj,
        tie_word_embeddings=tie,
        decoder_start_token_id=0,
        pad_token_id=0,
        eos_token_id=1,
        # small weights give flat next-token distributions: varied samples, and EOS comes
        # early in some rows and never in others
        initializer_factor=init,
    )
    model = transformers.T5ForConditionalGeneration(config).eval()
    if own_lm_head:
        model.lm_head.weight = torch.nn.Parameter(torch.randn_like(model.lm_head.weight))
    return model


def prompts() -> tuple:
    """Two prompts of different lengths, right-padded."""
    ids = torch.tensor([[5, 9, 12, 7, 30, 31, 8, 1], [4, 22, 17, 1, 0, 0, 0, 0]])
    return ids, (ids != 0).long()


def teacher_forced_logprobs(model, ids, mask, n: int, tokens, lengths):
    """log p(token) per position from one full forward pass over the sampled sequences."""
    labels = tokens.clone()
    positions = torch.arange(tokens.shape[1])[None, :]
    labels[positions >= lengths[:, None]] = -100
    with torch.no_grad():
        out = model(
            input_ids=ids.repeat_interleave(n, 0),
            attention_mask=mask.repeat_interleave(n, 0),
            labels=labels,
        )
    logprobs = out.logits.float().log_softmax(-1)
    gathered = logprobs.gather(2, tokens.clamp(min=0)[:, :, None]).squeeze(2)
    return gathered.masked_fill(positions >= lengths[:, None], 0.0)


@pytest.mark.parametrize(
    ("ff", "tie", "settings"),
    [
        ("relu", True, {}),
        ("gated-gelu", False, {"top_k": 20, "top_p": 0.9}),
        ("relu", True, {"repetition_penalty": 1.3, "temperature": 1.0}),
    ],
)
def test_sampled_logprobs_match_teacher_forcing(ff: str, tie: bool, settings: dict) -> None:
    model = tiny_t5(ff, tie)
    ids, mask = prompts()
    n, steps = 5, 40
    config = SamplingConfig(max_new_tokens=steps, **settings)
    uniforms = torch.rand(ids.shape[0] * n, steps, generator=torch.Generator().manual_seed(1))
    out = FastT5(model).decode(ids, mask, n, config, uniforms)

    assert out.finished.any() and not out.finished.all()  # both ways of ending exercised
    reference = teacher_forced_logprobs(model, ids, mask, n, out.tokens, out.lengths)
    assert torch.allclose(out.token_logprobs, reference, atol=1e-4), (
        (out.token_logprobs - reference).abs().max()
    )
    # the log-likelihood is the sum up to and including EOS, nothing after it
    assert torch.allclose(out.log_likelihoods, reference.sum(1), atol=1e-3)
    ended = out.tokens.gather(1, (out.lengths - 1)[:, None]).squeeze(1)
    assert torch.equal(ended == 1, out.finished)


@pytest.mark.parametrize("ff", ["relu", "gated-gelu"])
def test_greedy_equals_generate(ff: str) -> None:
    # generate() in transformers 5.23 fails when the stacks differ in depth (its cache is
    # sized from the encoder's layer count), so this model is symmetric
    model = tiny_t5(ff, decoder_layers=2, init=0.5, own_lm_head=True)
    ids, mask = prompts()
    steps = 30
    out = FastT5(model).decode(ids, mask, 1, SamplingConfig(temperature=0, max_new_tokens=steps))
    with torch.no_grad():
        ref = model.generate(
            input_ids=ids, attention_mask=mask, do_sample=False, max_new_tokens=steps, num_beams=1
        )
    ref = ref[:, 1:]  # drop the decoder start token
    assert len(set(out.tokens.flatten().tolist())) > 5  # not a degenerate repetition
    for row in range(ids.shape[0]):
        length = int(out.lengths[row])
        assert out.tokens[row, :length].tolist() == ref[row, :length].tolist()


def test_same_uniforms_same_samples_whatever_the_batch() -> None:
    """A row's sample depends on its prompt and its uniforms, not on its batch mates."""
    model = tiny_t5()
    ids, mask = prompts()
    config = SamplingConfig(max_new_tokens=25, temperature=0.8)
    uniforms = torch.rand(2 * 4, 25, generator=torch.Generator().manual_seed(7))
    both = FastT5(model).decode(ids, mask, 4, config, uniforms)
    second = FastT5(model).decode(ids[1:, :4], mask[1:, :4], 4, config, uniforms[4:])
    assert torch.equal(both.tokens[4:], second.tokens)


def test_compaction_changes_nothing(monkeypatch) -> None:
    """Dropping finished rows from the batch (after every step, or never) gives the same
    samples and scores."""
    model = tiny_t5()
    ids, mask = prompts()
    config = SamplingConfig(max_new_tokens=40, temperature=1.0)
    uniforms = torch.rand(2 * 6, 40, generator=torch.Generator().manual_seed(4))
    shapes = []
    real = fast_t5._compaction
    monkeypatch.setattr(
        fast_t5, "_compaction", lambda alive: shapes.append(alive.shape) or real(alive)
    )
    monkeypatch.setattr(fast_t5, "_COMPACT_AT", 0.0)  # compact whenever a row has finished
    eager = FastT5(model).decode(ids, mask, 6, config, uniforms)
    assert len(set(shapes)) > 2  # the batch really shrank, more than once
    monkeypatch.setattr(fast_t5, "_COMPACT_AT", 1.0)  # never
    never = FastT5(model).decode(ids, mask, 6, config, uniforms)
    assert torch.equal(eager.tokens, never.tokens)
    assert torch.allclose(eager.token_logprobs, never.token_logprobs, atol=1e-5)


def test_bfloat16_scores_close_to_float32() -> None:
    """bf16 matmuls keep ~3 significant digits: the sampled sequences' log-probs stay close
    to a float32 teacher-forced pass (they are for sampling, re-score in fp32 to rank)."""
    model = tiny_t5(init=0.5, own_lm_head=True)
    ids, mask = prompts()
    n, steps = 4, 30
    uniforms = torch.rand(2 * n, steps, generator=torch.Generator().manual_seed(2))
    out = FastT5(model, torch.bfloat16).decode(
        ids, mask, n, SamplingConfig(max_new_tokens=steps), uniforms
    )
    reference = teacher_forced_logprobs(model, ids, mask, n, out.tokens, out.lengths)
    assert (out.token_logprobs - reference).abs().mean() < 0.05


def test_min_new_tokens_forbids_eos() -> None:
    model = tiny_t5()
    ids, mask = prompts()
    config = SamplingConfig(max_new_tokens=12, temperature=1.0)
    uniforms = torch.rand(2 * 8, 12, generator=torch.Generator().manual_seed(0))
    out = FastT5(model).decode(ids, mask, 8, config, uniforms, min_new_tokens=12)
    assert not out.finished.any() and (out.lengths == 12).all()


def test_banned_tokens_are_never_drawn() -> None:
    model = tiny_t5()
    ids, mask = prompts()
    config = SamplingConfig(max_new_tokens=12, temperature=1.0)
    uniforms = torch.rand(2 * 8, 12, generator=torch.Generator().manual_seed(0))
    free = FastT5(model).decode(ids, mask, 8, config, uniforms)
    drawn = set(free.tokens.flatten().tolist()) - {model.config.eos_token_id, 0}
    assert drawn
    banned = sorted(drawn)
    out = FastT5(model).decode(ids, mask, 8, config, uniforms, banned=banned)
    assert not set(out.tokens.flatten().tolist()) & set(banned)
    # the log-likelihoods stay those of the model itself (raw logits), as without a ban
    tf = teacher_forced_logprobs(model, ids, mask, 8, out.tokens, out.lengths)
    assert torch.allclose(out.token_logprobs, tf, atol=1e-4)


def test_process_logits_and_inverse_cdf() -> None:
    logits = torch.tensor([[2.0, 1.0, 0.0, -1.0]])
    top2 = process_logits(logits, SamplingConfig(top_k=2), None)
    assert torch.isinf(top2[0, 2:]).all() and torch.isfinite(top2[0, :2]).all()
    nucleus = process_logits(logits, SamplingConfig(temperature=1.0, top_p=0.5), None)
    assert torch.isfinite(nucleus[0, 0]) and torch.isinf(nucleus[0, 1:]).all()
    seen = torch.tensor([[True, False, False, True]])
    penalised = process_logits(logits, SamplingConfig(repetition_penalty=2.0), seen)
    assert penalised.tolist() == [[1.0, 1.0, 0.0, -2.0]]
    # the uniform picks the token whose CDF interval holds it; masked tokens never
    u = torch.tensor([0.0, 0.999999])
    both = sample_tokens(top2.expand(2, 4), 1.0, u)
    assert both.tolist() == [0, 1]

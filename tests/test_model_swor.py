"""Sampling without replacement (stochastic beam search): exact on a tree small enough to
enumerate, and distinct, correctly scored programs from the fast T5 loop."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from alphasolve.model.fast_t5 import FastT5  # noqa: E402
from alphasolve.model.sampler import SamplingConfig  # noqa: E402
from alphasolve.model.swor import conditioned_gumbels, select_beams  # noqa: E402
from tests.test_model_fast_t5 import prompts, teacher_forced_logprobs, tiny_t5  # noqa: E402

PAD, EOS, A, B = 0, 1, 2, 3
# Next-token probabilities after each prefix (two steps at most): the sequences are
# E .5, aE .18, ab .12 (cut at the length limit), bE .02, ba .18.
NEXT = {
    (): {EOS: 0.5, A: 0.3, B: 0.2},
    (A,): {EOS: 0.6, B: 0.4},
    (B,): {EOS: 0.1, A: 0.9},
}
SEQUENCES = {(EOS,): 0.5, (A, EOS): 0.18, (A, B): 0.12, (B, EOS): 0.02, (B, A): 0.18}


def step_log_probs(prefixes: list[list[tuple[int, ...]]]) -> torch.Tensor:
    out = torch.full((len(prefixes), len(prefixes[0]), 4), float("-inf"))
    for p, beams in enumerate(prefixes):
        for j, prefix in enumerate(beams):
            for token, prob in NEXT.get(prefix, {PAD: 1.0}).items():
                out[p, j, token] = torch.tensor(prob).log()
    return out


def run_search(trials: int, n: int, seed: int) -> list[list[tuple[int, ...]]]:
    """`trials` independent searches of width n over the tree, as P = trials prompts."""
    gen = torch.Generator().manual_seed(seed)
    log_prob = torch.zeros(trials, n)
    score = torch.full((trials, n), float("-inf"))
    score[:, 0] = 0.0
    alive = score > float("-inf")
    prefixes = [[()] * n for _ in range(trials)]
    for _ in range(2):
        uniforms = torch.rand(trials, n, 4, generator=gen)
        step = select_beams(log_prob, score, alive, step_log_probs(prefixes), uniforms, EOS, PAD)
        parent, token = step.parent.tolist(), step.token.tolist()
        was_alive = alive.tolist()
        prefixes = [
            [
                prefixes[p][parent[p][j]] + ((token[p][j],) if was_alive[p][parent[p][j]] else ())
                for j in range(n)
            ]
            for p in range(trials)
        ]
        log_prob, score, alive = step.log_prob, step.score, step.alive
        assert torch.equal(score, score.sort(1, descending=True).values)  # best first
    for p in range(trials):  # the log-probability carried is the sequence's own
        for j in range(int((score[p] > float("-inf")).sum())):
            assert abs(log_prob[p, j].exp().item() - SEQUENCES[prefixes[p][j]]) < 1e-5
    return prefixes


def test_first_sample_is_an_ordinary_sample_and_the_set_is_without_replacement() -> None:
    trials = 20_000
    drawn = run_search(trials, n=2, seed=0)
    assert all(len(set(beams)) == 2 for beams in drawn)  # never the same sequence twice
    first = {y: sum(beams[0] == y for beams in drawn) / trials for y in SEQUENCES}
    included = {y: sum(y in beams for beams in drawn) / trials for y in SEQUENCES}
    # the exact law of two draws without replacement: y first, or z first then y
    expected = {
        y: p + sum(q * p / (1 - q) for z, q in SEQUENCES.items() if z != y)
        for y, p in SEQUENCES.items()
    }
    for y, p in SEQUENCES.items():
        assert abs(first[y] - p) < 0.015, (y, first[y], p)  # ~4.5 standard errors at most
        assert abs(included[y] - expected[y]) < 0.015, (y, included[y], expected[y])


def test_a_width_beyond_the_support_returns_every_sequence_once() -> None:
    """Five sequences exist: a width of 7 finds all five (two beams stay empty)."""
    (beams,) = run_search(1, n=7, seed=3)
    assert set(beams[:5]) == set(SEQUENCES)


def test_conditioned_gumbels_have_the_parent_as_maximum() -> None:
    scores = torch.tensor([[-1.0, -2.0, float("-inf"), -0.5]] * 3)
    parent = torch.tensor([0.3, -4.0, 10.0])
    uniforms = torch.rand(3, 4, generator=torch.Generator().manual_seed(1))
    g = conditioned_gumbels(scores, parent, uniforms)
    assert torch.allclose(g.max(-1).values, parent)
    assert g[:, 2].eq(float("-inf")).all()  # an impossible child stays impossible
    assert not g.isnan().any()


@pytest.mark.parametrize(
    "settings", [{}, {"top_k": 20, "top_p": 0.9}, {"repetition_penalty": 1.3, "temperature": 0.7}]
)
def test_fast_loop_draws_distinct_programs_with_exact_log_likelihoods(settings: dict) -> None:
    model = tiny_t5()
    ids, mask = prompts()
    n = 6
    config = SamplingConfig(max_new_tokens=40, **({"temperature": 1.0} | settings))
    generators = [torch.Generator().manual_seed(s) for s in (1, 2)]
    out = FastT5(model).decode_distinct(ids, mask, n, config, generators)
    rows = [tuple(out.tokens[r, : out.lengths[r]].tolist()) for r in range(2 * n)]
    assert len(set(rows[:n])) == n and len(set(rows[n:])) == n
    assert out.finished.any() and not out.finished.all()  # both ways of ending exercised
    reference = teacher_forced_logprobs(model, ids, mask, n, out.tokens, out.lengths)
    assert torch.allclose(out.token_logprobs, reference, atol=1e-4)
    # the same prompt with the same generator seed, alone in its batch: the same samples
    alone = FastT5(model).decode_distinct(
        ids[1:, :4], mask[1:, :4], n, config, [torch.Generator().manual_seed(2)]
    )
    assert torch.equal(alone.tokens, out.tokens[n:])


def top_k_programs(model, ids, mask, k: int, steps: int, prefix: tuple = ()) -> set[tuple]:
    """Every program sampling with top-k can produce: the tree of the k likeliest tokens."""
    if len(prefix) == steps:
        return {prefix}
    with torch.no_grad():
        logits = model(
            input_ids=ids, attention_mask=mask, decoder_input_ids=torch.tensor([[0, *prefix]])
        ).logits[0, -1]
    out: set[tuple] = set()
    for token in logits.topk(k).indices.tolist():
        if token == model.config.eos_token_id:
            out.add((*prefix, token))
        else:
            out |= top_k_programs(model, ids, mask, k, steps, (*prefix, token))
    return out


def test_fast_loop_finds_every_program_when_there_are_fewer_than_n() -> None:
    """With top-k 2 and 3 tokens at most there are 8 programs or fewer: a width of 12
    returns each exactly once, then repeats them to fill its 12 rows."""
    model = tiny_t5()
    ids, mask = prompts()
    config = SamplingConfig(max_new_tokens=3, temperature=1.0, top_k=2)
    out = FastT5(model).decode_distinct(ids[:1], mask[:1], 12, config, [torch.Generator()])
    rows = [tuple(out.tokens[r, : out.lengths[r]].tolist()) for r in range(12)]
    support = top_k_programs(model, ids[:1], mask[:1], 2, 3)
    assert len(support) < 12
    assert set(rows[: len(support)]) == support  # each one, once, before any repeat
    assert set(rows[len(support) :]) <= support


def test_greedy_without_replacement_is_refused() -> None:
    model = tiny_t5()
    ids, mask = prompts()
    with pytest.raises(ValueError, match="temperature > 0"):
        FastT5(model).decode_distinct(
            ids, mask, 2, SamplingConfig(temperature=0), [torch.Generator()] * 2
        )

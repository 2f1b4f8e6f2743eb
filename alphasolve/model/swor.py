"""Sampling without replacement: the n samples of a prompt are n *distinct* programs.

Why: a small model trained on a narrow corpus is sharp. At a large budget most draws repeat
a program already drawn for that problem and buy nothing (the judge runs each program once;
docs/model.md, "Sampling the same model without replacement", has the figures). Drawing
without replacement spends the whole budget on new programs.

How: stochastic beam search (Kool, van Hoof and Welling, "Stochastic Beams and Where to
Find Them", ICML 2019). Give every complete sequence y the perturbed score
G(y) = log p(y) + Gumbel; the n sequences with the largest G are an exact sample of size n
without replacement from p (the Gumbel-top-k trick), drawn in order. The scores are drawn
top-down: a prefix's score is the maximum of its children's, so a child's score is a
Gumbel conditioned on the maximum over its siblings being the parent's score, and a beam of
width n that keeps the n highest-scoring prefixes at every step finds the n best complete
sequences. p is the distribution ordinary sampling draws from (temperature, top-k, top-p,
repetition penalty and banned tokens included), so the first sample is distributed exactly
as one ordinary sample, and the n together are the set that sampling until n distinct
programs came up would give, in n sequences' worth of compute.

Everything here is pure tensor arithmetic on [P prompts, n beams, V tokens]; the decoding
loop that feeds it is FastT5.decode_distinct.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

__all__ = ["BeamStep", "conditioned_gumbels", "select_beams"]

_NEG_INF = float("-inf")


def conditioned_gumbels(scores: Tensor, parent: Tensor, uniforms: Tensor) -> Tensor:
    """Perturbed scores of children whose maximum is `parent`.

    `scores` [..., V]: the children's log-probabilities (parent's log-probability included;
    -inf for impossible children); `parent` [...]: the parent's perturbed score (finite);
    `uniforms` [..., V] in (0, 1). Draws G_c = scores_c + Gumbel, then shifts them so that
    their maximum is exactly `parent` (Kool et al., appendix B, the numerically stable form
    of -log(exp(-parent) - exp(-max) + exp(-G_c))).
    """
    u = uniforms.clamp(min=torch.finfo(uniforms.dtype).tiny)  # rand() may give exactly 0
    g = scores - torch.log(-torch.log(u))
    top = g.max(-1, keepdim=True).values
    t = parent.unsqueeze(-1)
    # log1p(-exp(0)) = -inf for the maximum child: v = -inf, and the child gets exactly t
    v = t - g + torch.log1p(-torch.exp(g - top))
    return t - F.relu(v) - torch.log1p(torch.exp(-v.abs()))


@dataclass(frozen=True)
class BeamStep:
    """The beams after one step, all [P, n]: beam j of prompt p continues beam
    `parent[p, j]` of the step before with `token[p, j]`."""

    parent: Tensor  # long, in 0..n-1
    token: Tensor  # long; pad for a beam that had already finished
    log_prob: Tensor  # float32: log p(prefix) under the sampling distribution
    score: Tensor  # float32: the prefix's perturbed score; -inf: no such beam
    alive: Tensor  # bool: the beam has not emitted EOS (and exists)


def select_beams(
    log_prob: Tensor,
    score: Tensor,
    alive: Tensor,
    step_log_probs: Tensor,
    uniforms: Tensor,
    eos_id: int,
    pad_id: int,
) -> BeamStep:
    """One step of stochastic beam search for P prompts with n beams each.

    `log_prob`, `score`, `alive` [P, n]: the beams now (a beam with score -inf does not exist;
    at the first step only beam 0 exists). `step_log_probs` [P, n, V]: each beam's next-token
    log-probabilities under the sampling distribution. `uniforms` [P, n, V] in (0, 1).

    A live beam's children are its V continuations; a finished beam is its own only child
    (continued with pad, same scores), so it stays in the beam for as long as n other
    sequences do not outscore it. Keeps the n highest-scoring children of each prompt.
    """
    P, n, V = step_log_probs.shape
    child_lp = log_prob.unsqueeze(-1) + step_log_probs  # [P, n, V]
    live = alive & (score > _NEG_INF)
    # Shifted Gumbels only where the parent is live (the formula needs a finite parent).
    safe_parent = torch.where(live, score, torch.zeros_like(score))
    child_score = conditioned_gumbels(child_lp, safe_parent, uniforms)
    child_score = torch.where(live.unsqueeze(-1), child_score, _NEG_INF)
    # A finished beam carries over as its pad child with its own scores.
    done = ~alive & (score > _NEG_INF)
    child_score[:, :, pad_id] = torch.where(done, score, child_score[:, :, pad_id])
    child_lp[:, :, pad_id] = torch.where(done, log_prob, child_lp[:, :, pad_id])

    best, flat = child_score.view(P, n * V).topk(n, dim=-1)  # [P, n], best first
    parent, token = flat // V, flat % V
    exists = best > _NEG_INF
    parent_alive = alive.gather(1, parent)
    return BeamStep(
        parent=parent,
        token=token,
        log_prob=child_lp.view(P, n * V).gather(1, flat),
        score=best,
        alive=exists & parent_alive & (token != eos_id),
    )

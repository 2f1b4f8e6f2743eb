"""Per-language perplexity of the model on held-out reference solutions, for any backend.

The reference programs of the evaluated problems, each scored teacher-forced by the
sampler (`Sampler.score`) under the prompt it samples with (the true rating and tags,
CORRECT SOLUTION; constants as placeholders for a model trained that way, a chat turn for
a chat-prompted model): perplexity = exp(total negative log-likelihood / total tokens),
each program's end marker included.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from alphasolve.model.prompt import training_meta
from alphasolve.model.sampler import KnownProgram, Sampler
from alphasolve.problem import Problem, SolutionKind
from judges.executors import EXECUTORS

__all__ = ["perplexity"]


def perplexity(model: Sampler, problems: Sequence[Problem]) -> dict[str, dict[str, Any]]:
    programs: dict[str, list[KnownProgram]] = defaultdict(list)
    for p in problems:
        for sol in p.solutions:
            if sol.kind is SolutionKind.ACCEPTED:
                # A solution kept for another runtime (Kattis's Python under PyPy) is scored
                # as the language it is written in.
                runtime = EXECUTORS.get(sol.language)
                language = runtime.source_language if runtime else sol.language
                meta = training_meta(p, language, True)
                programs[language].append(KnownProgram(p, meta, sol.source.text()))
    out = {}
    for language, items in sorted(programs.items()):
        scored = model.score(items)
        nll = -sum(s.log_likelihood for s in scored)
        tokens = sum(s.tokens for s in scored)
        out[language] = {
            "programs": len(items),
            "tokens": tokens,
            "nll_per_token": nll / tokens,
            "perplexity": math.exp(nll / tokens),
        }
    return out

"""Per-language perplexity of the model on held-out reference solutions.

The reference programs of the evaluated problems, each scored teacher-forced under the
prompt the model was trained with (true rating and tags, CORRECT SOLUTION; constants as
placeholders for a model trained that way, see model/literals.py):
perplexity = exp(total negative log-likelihood / total target tokens), EOS included.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol

from alphasolve.model.prompt import PromptMeta, training_meta
from alphasolve.problem import Problem, SolutionKind
from judges.executors import EXECUTORS

__all__ = ["perplexity"]


class _Scorer(Protocol):
    def solution_pair(self, problem: Problem, meta: PromptMeta, code: str) -> tuple[str, str]: ...

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[float, int]]: ...


def perplexity(model: _Scorer, problems: Sequence[Problem]) -> dict[str, dict[str, Any]]:
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in problems:
        for sol in p.solutions:
            if sol.kind is SolutionKind.ACCEPTED:
                # A solution kept for another runtime (Kattis's Python under PyPy) is scored
                # as the language it is written in.
                runtime = EXECUTORS.get(sol.language)
                language = runtime.source_language if runtime else sol.language
                meta = training_meta(p, language, True)
                pairs[language].append(model.solution_pair(p, meta, sol.source.text()))
    out = {}
    for language, items in sorted(pairs.items()):
        scored = model.score(items)
        nll = sum(v for v, _ in scored)
        tokens = sum(t for _, t in scored)
        out[language] = {
            "programs": len(items),
            "tokens": tokens,
            "nll_per_token": nll / tokens,
            "perplexity": math.exp(nll / tokens),
        }
    return out

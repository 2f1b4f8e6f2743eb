"""FakeSampler: deterministic candidates without a model, for fast tests of later stages.

By default its pool is the problem's own reference solutions (accepted and wrong ones, in
the languages the judge runs) plus broken variants of them, so a pipeline test sees correct,
wrong and non-compiling programs in realistic proportions. No torch.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

from alphasolve.candidate import Candidate
from alphasolve.model.prompt import LANGUAGES
from alphasolve.model.sampler import (
    KnownProgram,
    LoadOptions,
    SamplingConfig,
    Scored,
    derive_seed,
    plan_groups,
)
from alphasolve.problem import Problem
from judges.executors import EXECUTORS, get_executor

__all__ = ["FakeSampler", "broken_variants"]


def broken_variants(code: str, language: str) -> list[str]:
    """Programs that fail: a truncated one (a compile or syntax error: an unbalanced bracket
    ends it in every language) and the language's echo self-test, a wrong answer on almost
    any problem."""
    half = code[: max(1, len(code) // 2)]
    return [half + "\n)(\n", get_executor(language).self_test]


class FakeSampler:
    """Implements the Sampler protocol by drawing from a fixed pool of programs."""

    def __init__(self, pool: Sequence[tuple[str, str]] | None = None) -> None:
        """`pool`: (language, code) pairs used for every problem; None: each problem's own
        reference solutions and their broken variants."""
        self.pool = tuple(pool) if pool is not None else None

    @classmethod
    def load(cls, model_dir: Path | None = None, options: LoadOptions | None = None) -> FakeSampler:
        """Registry entry point; there is no model to load."""
        return cls()

    def _pool(self, problem: Problem) -> dict[str, list[str]]:
        by_language: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
        if self.pool is not None:
            pairs = list(self.pool)
        else:
            # A solution meant for another runtime (Kattis's Python under PyPy) is still a
            # program in its source language.
            pairs = [
                (EXECUTORS[s.language].source_language, s.source.text())
                for s in problem.solutions
                if s.language in EXECUTORS
            ]
            pairs += [(lang, v) for lang, code in pairs for v in broken_variants(code, lang)]
        for language, code in pairs:
            by_language.setdefault(language, []).append(code)
        if not any(by_language.values()):
            by_language["python3"] = ["print(0)\n"]
        return by_language

    def sample(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[Candidate]:
        pool = self._pool(problem)
        out = []
        for group in plan_groups(n, seed, config):
            rng = random.Random(group.seed)
            language = (
                group.meta.language
                if pool.get(group.meta.language)
                else next(lang for lang, codes in pool.items() if codes)
            )
            codes = pool[language]
            # without replacement: the group takes the pool in a random order (and only
            # repeats it once the pool is used up, as a model with fewer programs would)
            order = rng.sample(codes, len(codes)) if config.without_replacement else None
            for i in range(group.size):
                code = order[i % len(order)] if order else rng.choice(codes)
                out.append(
                    Candidate.create(
                        problem_id=problem.id,
                        language=language,
                        code=code,
                        rating=group.meta.rating or 0,
                        tags=group.meta.tags,
                        temperature=config.temperature,
                        seed=seed,
                        log_likelihood=-rng.uniform(1.0, 50.0),
                        num_tokens=max(1, len(code) // 3),
                    )
                )
        return out

    def sample_inputs(
        self,
        problem: Problem,
        n: int,
        seed: int,
        config: SamplingConfig,
        banned: Sequence[str] = (),
    ) -> list[str]:
        """Inputs of the problem's own tests (examples first), drawn with replacement."""
        inputs = [t.input.text() for t in problem.examples + problem.hidden_tests] or ["1\n"]
        rng = random.Random(derive_seed(seed, "inputs"))
        return [rng.choice(inputs) for _ in range(n)]

    def score(self, programs: Sequence[KnownProgram]) -> list[Scored]:
        """There is no model to score with (the registry says so: needs_model=False)."""
        raise NotImplementedError("the fake sampler has no model to score programs with")

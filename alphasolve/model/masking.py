"""Literal masking around any backend: the model reads `<N0>`, `<L0>`... for the statement's
constants and writes programs that use them; callers only ever see real programs.

A model opts in with `"literal_placeholders": true` in its alphasolve.json (settings.py);
make_sampler() then wraps its backend in LiteralMasking. The wrapper masks the problem
before the backend builds its prompt, maps the programs back (literals.unmask), and asks
the backend never to draw a placeholder the statement does not define. Test inputs are
raw text: their prompt is unmasked and no placeholder may appear in one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from alphasolve.candidate import Candidate, candidate_id
from alphasolve.model.literals import (
    PLACEHOLDER_TOKENS,
    mask_problem,
    mask_program,
    undefined_placeholders,
    unmask,
)
from alphasolve.model.sampler import Backend, KnownProgram, SamplingConfig, Scored
from alphasolve.problem import Problem

__all__ = ["LiteralMasking"]


class LiteralMasking:
    """A Sampler over a backend whose model reads and writes literal placeholders."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def sample(
        self, problem: Problem, n: int, seed: int, config: SamplingConfig
    ) -> list[Candidate]:
        shown, literals = mask_problem(problem)
        drawn = self.backend.sample(shown, n, seed, config, undefined_placeholders(literals))
        out = []
        for c in drawn:
            code = unmask(c.code, literals)
            out.append(replace(c, code=code, candidate_id=candidate_id(c.language, code)))
        return out

    def sample_inputs(
        self, problem: Problem, n: int, seed: int, config: SamplingConfig
    ) -> list[str]:
        return self.backend.sample_inputs(problem, n, seed, config, PLACEHOLDER_TOKENS)

    def score(self, programs: Sequence[KnownProgram]) -> list[Scored]:
        """Each program as the model would have written it: its constants as placeholders."""
        shown = []
        for p in programs:
            masked, literals = mask_problem(p.problem)
            shown.append(KnownProgram(masked, p.meta, mask_program(p.code, literals)))
        return self.backend.score(shown)

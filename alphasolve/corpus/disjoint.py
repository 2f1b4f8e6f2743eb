"""Keeping one held-out split apart from another: what two problems may not share.

Two held-out problems with the same meaning (family, input shape, literal source and
operations: `meta.family`) or the same reference program measure the same thing, so a
choice made on one split carries straight to the other, and a split that repeats a meaning
counts one thing twice. `Avoid` is what a split being generated must not repeat: the
meanings and reference programs of the splits it is kept apart from, and of its own
problems built so far.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import BuiltProblem

__all__ = ["Avoid", "shared"]


@dataclass(frozen=True)
class Avoid:
    """Meanings (`meta.family` strings) and reference programs (any language) a new problem
    may not have; `sources` names the splits they came from, for the problems' meta."""

    sources: tuple[str, ...] = ()
    meanings: frozenset[str] = frozenset()
    programs: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sources: tuple[str, ...], problems: Iterable[BuiltProblem]) -> Avoid:
        return cls(sources).plus(*problems)

    def plus(self, *problems: BuiltProblem) -> Avoid:
        return Avoid(
            self.sources,
            self.meanings | {str(p.meta["family"]) for p in problems},
            self.programs | {code for p in problems for code in p.solutions.values()},
        )


def shared(a: Iterable[BuiltProblem], b: Iterable[BuiltProblem]) -> list[str]:
    """Every pair of problems, one from each collection, that has a meaning or a reference
    program in common, as "a-id ~ b-id: what"; empty when the two are disjoint."""
    by_meaning: dict[str, list[str]] = {}
    by_program: dict[str, list[str]] = {}
    for p in a:
        by_meaning.setdefault(str(p.meta["family"]), []).append(p.id)
        for code in p.solutions.values():
            by_program.setdefault(code, []).append(p.id)
    found = []
    for p in b:
        for other in by_meaning.get(str(p.meta["family"]), []):
            found.append(f"{other} ~ {p.id}: meaning {p.meta['family']}")
        same_code = {o for code in p.solutions.values() for o in by_program.get(code, [])}
        found += [f"{other} ~ {p.id}: reference program" for other in sorted(same_code)]
    return found

"""One problem's records in a run directory, loaded once when the problem opens.

Every stage appends through it (the row goes to its stage file and into memory together),
and `eval` and `replay` read a finished problem's records from it too, so no stage re-reads
a stage file or passes raw rows around. It holds one problem only: the driver keeps one per
open problem and drops it when the problem is done, so its memory does not grow with the
number of problems in a run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from alphasolve.candidate import Candidate
from alphasolve.model.samples_io import CHUNK_SIZE, in_sampling_order
from alphasolve.records import (
    BehaviourRecord,
    ClusterRecord,
    EvalRecord,
    FilterRecord,
    InputRecord,
    PickRecord,
    SampleRecord,
)
from alphasolve.rundir import RunDir

__all__ = ["ProblemState"]


class ProblemState:
    def __init__(self, run: RunDir, problem_id: str) -> None:
        self.run = run
        self.problem_id = problem_id
        self.samples: list[SampleRecord] = run.rows(SampleRecord, problem_id)
        self.candidates: dict[str, Candidate] = {}
        self._chunks: Counter[int] = Counter()
        for s in self.samples:
            self.candidates.setdefault(s.candidate_id, s.candidate)
            self._chunks[s.chunk] += 1
        # first outcome wins: a row written twice (never, by the driver) changes nothing
        self.filtered: dict[str, FilterRecord] = {}
        for f in run.rows(FilterRecord, problem_id):
            self.filtered.setdefault(f.candidate_id, f)
        inputs = sorted(run.rows(InputRecord, problem_id), key=lambda r: r.index)
        self.inputs: list[str] | None = [r.input for r in inputs] or None
        self.signatures: dict[str, tuple[str, ...]] = {}
        for b in run.rows(BehaviourRecord, problem_id):
            self.signatures.setdefault(b.candidate_id, b.signature)
        self.clusters: list[ClusterRecord] = run.rows(ClusterRecord, problem_id)
        by_rank: dict[int, PickRecord] = {}
        for p in run.rows(PickRecord, problem_id):
            by_rank.setdefault(p.rank, p)
        self.picks: list[PickRecord] = [by_rank[k] for k in sorted(by_rank)]
        self.evals: dict[str, EvalRecord] = {}
        for e in run.rows(EvalRecord, problem_id):
            self.evals.setdefault(e.candidate_id, e)

    # --- reading -------------------------------------------------------------------------

    def chunks_missing(self, total: int) -> list[int]:
        """The chunks of a `total`-sample budget that are not complete yet, in order."""
        n_chunks = -(-total // CHUNK_SIZE)
        return [c for c in range(n_chunks) if self._chunks[c] < chunk_size(total, c)]

    def draws(self, limit: int | None = None) -> list[SampleRecord]:
        """The samples in sampling order (the first `limit` of them)."""
        ordered = in_sampling_order(self.samples)
        return ordered if limit is None else ordered[:limit]

    def survivors(self) -> list[Candidate]:
        """Distinct programs that passed the examples, each as first drawn, in sampling order.

        Sampling order, not file order: with several samplers, chunks land in the file in the
        order they finish, and the first text of a program (its log-likelihood) must not
        depend on that."""
        first: dict[str, Candidate] = {}
        for s in in_sampling_order(self.samples):
            first.setdefault(s.candidate_id, s.candidate)
        return [c for cid, c in first.items() if cid in self.filtered and self.filtered[cid].passed]

    def unfiltered(self) -> list[Candidate]:
        """Distinct programs drawn but not judged on the examples yet."""
        return [c for cid, c in self.candidates.items() if cid not in self.filtered]

    # --- appending (each writes its stage file, then memory) -----------------------------

    def add_samples(self, chunk: int, candidates: Sequence[Candidate]) -> list[Candidate]:
        """Write the samples of `chunk` not written yet: `candidates` is the chunk's whole
        result within the budget, which any retry of the unit repeats exactly, so only the
        tail after the rows already written is new. Returns the programs never drawn
        before (deduplication before judging)."""
        have = self._chunks[chunk]
        new = [SampleRecord(c, chunk) for c in candidates[have:]]
        self.run.write(new)
        fresh = []
        for s in new:
            self.samples.append(s)
            self._chunks[chunk] += 1
            if s.candidate_id not in self.candidates:
                self.candidates[s.candidate_id] = s.candidate
                fresh.append(s.candidate)
        return fresh

    def add_filter(self, outcomes: Sequence[FilterRecord]) -> None:
        new = [o for o in outcomes if o.candidate_id not in self.filtered]
        self.run.write(new)
        self.filtered.update((o.candidate_id, o) for o in new)

    def set_inputs(self, inputs: Sequence[str]) -> None:
        self.run.write([InputRecord(self.problem_id, j, t) for j, t in enumerate(inputs)])
        self.inputs = list(inputs)

    def add_behaviour(self, signatures: dict[str, tuple[str, ...]]) -> None:
        new = {c: s for c, s in signatures.items() if c not in self.signatures}
        self.run.write([BehaviourRecord(self.problem_id, c, s) for c, s in new.items()])
        self.signatures.update(new)

    def set_selection(self, clusters: Sequence[ClusterRecord], picks: Sequence[PickRecord]) -> None:
        # clusters first: a problem with picks is finished, so picks are written last (a
        # kill between the two leaves clusters that the resumed run does not write again)
        if not self.clusters:
            self.run.write(list(clusters))
        self.run.write(list(picks))
        self.clusters, self.picks = list(clusters), list(picks)


def chunk_size(total: int, chunk: int) -> int:
    """Samples chunk `chunk` contributes to a `total`-sample budget."""
    return max(0, min(CHUNK_SIZE, total - chunk * CHUNK_SIZE))

"""The driver's scheduler: many problems in flight, every sampler and judge kept busy.

Each open problem moves through `sampling (+ streaming filter) -> inputs -> behaviour ->
done`. At most `max_open_problems` are open; when one finishes its picks are written and the
next problem is opened (loaded lazily, from an iterator), so the driver holds a bounded
number of problems however many the run has. One `wait` loop over every call in flight:

- samplers take the oldest open problem that still needs sampler work (its test inputs,
  else a chunk), so problems finish in order and free their memory;
- judges take filter work before behaviour work, so the stream of new candidates never
  piles up behind a behaviour batch;
- backpressure: at most `inflight` calls per actor, and no chunk is asked for while
  `max_buffered` candidates wait for the judges.

Work units are idempotent ((problem, chunk, seed), (problem, candidates), (problem,
survivors, inputs)); the problem's state writes each result once, so a call that Ray
retries, or that this loop sends again after losing its actor, changes nothing twice.

No Ray here: the machines come in as a `Cluster` (solve.py gives Ray's).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError
from alphasolve.model.samples_io import chunk_seed
from alphasolve.pipeline.config import SolveConfig, open_problems, sampling_config
from alphasolve.pipeline.mutate import mutate_inputs
from alphasolve.pipeline.select import finish_problem
from alphasolve.problem import Problem
from alphasolve.problem_state import ProblemState, chunk_size
from alphasolve.rundir import RunDir

__all__ = ["Cluster", "Phase", "ProblemSummary", "Scheduler", "WorkLost"]

log = logging.getLogger(__name__)

# How many calls of one problem may be lost in a row (no call of it coming back between)
# before the run gives up: a node that dies takes every call in flight on it at once, and
# its actors restart elsewhere; work that keeps killing its actor stops the run.
MAX_LOST = 8
# Before each resend, a pause that doubles with the losses in a row (up to the cap): an
# actor whose node died answers "unavailable" at once until Ray has restarted it, and
# resending at once would spend the whole budget in that window.
LOST_BACKOFF_S = (0.25, 8.0)


class WorkLost(Exception):
    """A call's actor died and Ray gave up on it (its node is gone for good): the unit is
    sent again, to any actor of its kind."""


class Cluster(Protocol):
    """The machines, as the scheduler sees them: numbered actors and calls that return
    refs. `open` gives a problem's handle (its data put where the actors can fetch it),
    `close` lets it go."""

    samplers: int
    judges: int

    def open(self, problem: Problem) -> Any: ...
    def close(self, handle: Any) -> None: ...
    def sample(self, actor: int, handle: Any, chunk: int, seed: int, config: Any) -> Any: ...
    def inputs(self, actor: int, handle: Any, n: int, seed: int, config: Any) -> Any: ...
    def filter(self, actor: int, handle: Any, candidates: list[Candidate]) -> Any: ...
    def behaviour(
        self, actor: int, handle: Any, survivors: list[Candidate], inputs: list[str]
    ) -> Any: ...
    def wait(self, refs: list[Any]) -> Any: ...
    def get(self, ref: Any) -> Any: ...  # raises WorkLost


@dataclass(frozen=True)
class ProblemSummary:
    problem_id: str
    samples: int
    unique: int
    passed_examples: int
    clusters: int
    picks: tuple[tuple[str, int], ...]  # (candidate id, cluster size)
    fallback: bool
    seconds: dict[str, float] = field(default_factory=dict)


class Phase(StrEnum):
    SAMPLING = "sampling"  # chunks drawn, new programs filtered as they arrive
    INPUTS = "inputs"  # the test inputs asked of a sampler
    BEHAVIOUR = "behaviour"  # survivors run on the inputs
    DONE = "done"


@dataclass
class _Open:
    """An open problem: its state and the work it still has to hand out."""

    problem: Problem
    state: ProblemState
    handle: Any
    opened: float
    todo: deque[int]  # chunks not asked for yet
    phase: Phase = Phase.SAMPLING
    queue: list[Candidate] = field(default_factory=list)  # waiting for the filter
    batches: list[list[Candidate]] = field(default_factory=list)  # waiting for behaviour
    survivors: list[Candidate] = field(default_factory=list)
    calls: int = 0  # in flight, of any kind
    inputs_asked: bool = False
    lost: int = 0  # calls lost with their actors since one of this problem's came back
    marks: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Call:
    kind: str  # sample | inputs | filter | behaviour
    problem: _Open
    actor: int
    unit: Any  # what to send again if the actor is lost: chunk, candidates, ...


class _Lane:
    """The actors of one kind: calls in flight per actor, and busy time (an actor with at
    least one call in flight is busy) measured from the driver."""

    def __init__(self, n: int, inflight: int) -> None:
        self.calls = [0] * n
        self.inflight = inflight
        self.since = [0.0] * n
        self.busy = [0.0] * n

    def free(self) -> int | None:
        if not self.calls:
            return None
        i = min(range(len(self.calls)), key=self.calls.__getitem__)
        return i if self.calls[i] < self.inflight else None

    def start(self, i: int) -> None:
        if self.calls[i] == 0:
            self.since[i] = time.monotonic()
        self.calls[i] += 1

    def finish(self, i: int) -> None:
        self.calls[i] -= 1
        if self.calls[i] == 0:
            self.busy[i] += time.monotonic() - self.since[i]

    def busy_seconds(self) -> list[float]:
        now = time.monotonic()
        return [
            b + (now - s if c else 0.0)
            for b, s, c in zip(self.busy, self.since, self.calls, strict=True)
        ]


class Scheduler:
    def __init__(
        self,
        run: RunDir,
        cfg: SolveConfig,
        cluster: Cluster,
        progress: Callable[[str, int], None] = lambda stage, n: None,
        on_done: Callable[[ProblemSummary], None] = lambda summary: None,
    ) -> None:
        self.run = run
        self.cfg = cfg
        self.cluster = cluster
        self.progress = progress
        self.on_done = on_done
        self.sconfig = sampling_config(cfg)
        self.limit = open_problems(cfg, cluster.samplers, cluster.judges)
        self.samplers = _Lane(cluster.samplers, cfg.inflight)
        self.judges = _Lane(cluster.judges, cfg.inflight)
        self.open: list[_Open] = []  # oldest first
        self.pending: dict[Any, _Call] = {}
        self.most_open = 0  # the most problems open at once (checked by the tests)
        self.finished: list[ProblemSummary] = []  # finished, not yet yielded
        self.started = time.monotonic()

    # --- the loop --------------------------------------------------------------------------

    def solve(self, problems: Iterable[Problem]) -> Iterator[ProblemSummary]:
        """Solve every problem, yielding each one's summary as it finishes."""
        upcoming = iter(problems)
        exhausted = False
        while True:
            while not exhausted and len(self.open) < self.limit:
                problem = next(upcoming, None)
                if problem is None:
                    exhausted = True
                else:
                    self._open(problem)
            yield from self._drain()
            if not self.open and exhausted:
                return
            self._dispatch()
            if not self.pending:
                raise RuntimeError("scheduler: open problems but no work in flight")
            self._receive(self.cluster.wait(list(self.pending)))
            yield from self._drain()

    def _drain(self) -> Iterator[ProblemSummary]:
        while self.finished:
            yield self.finished.pop(0)

    def utilisation(self) -> dict[str, list[float]]:
        """Per actor, busy seconds / wall seconds since the scheduler started."""
        wall = max(1e-9, time.monotonic() - self.started)
        return {
            "sampler": [round(b / wall, 4) for b in self.samplers.busy_seconds()],
            "judge": [round(b / wall, 4) for b in self.judges.busy_seconds()],
        }

    # --- opening and advancing a problem -----------------------------------------------------

    def _open(self, problem: Problem) -> None:
        state = ProblemState(self.run, problem.id)
        if state.picks:  # finished by an earlier run: report, do not recompute
            self._report(problem, state, {})
            return
        todo = deque(state.chunks_missing(self.cfg.samples))
        o = _Open(problem, state, self.cluster.open(problem), time.monotonic(), todo)
        o.queue = state.unfiltered()  # sampled before an interruption, never judged
        self.open.append(o)
        self.most_open = max(self.most_open, len(self.open))
        self._advance(o)

    def _advance(self, o: _Open) -> None:
        """Move `o` to its next phase once nothing of the current one is left."""
        if o.phase is Phase.SAMPLING and not (o.todo or o.queue or o.calls):
            o.marks["sample+filter"] = time.monotonic()
            ranked = sorted(
                o.state.survivors(),
                key=lambda c: (-c.log_likelihood / max(1, c.num_tokens), c.candidate_id),
            )
            o.survivors = ranked[: self.cfg.max_survivors]
            if not o.survivors:
                log.warning(
                    "%s: no candidate passed the examples; submitting the best unfiltered ones",
                    o.problem.id,
                )
                self._finish(o)
                return
            if o.state.inputs is None and self.cfg.model_inputs:
                o.phase = Phase.INPUTS  # a sampler's work: _dispatch asks for it
                return
            if o.state.inputs is None:
                self._set_inputs(o, [])
            self._start_behaviour(o)
        elif o.phase is Phase.BEHAVIOUR and not (o.batches or o.calls):
            o.marks["behaviour"] = time.monotonic()
            self._finish(o)

    def _set_inputs(self, o: _Open, model_inputs: list[str]) -> None:
        examples = [t.input.text() for t in o.problem.examples]
        mutated = mutate_inputs(examples, self.cfg.mutated_inputs, self.cfg.seed)
        o.state.set_inputs(list(dict.fromkeys(i for i in model_inputs + mutated if i.strip())))
        o.marks["inputs"] = time.monotonic()

    def _start_behaviour(self, o: _Open) -> None:
        o.phase = Phase.BEHAVIOUR
        missing = [c for c in o.survivors if c.candidate_id not in o.state.signatures]
        size = self.cfg.behaviour_batch
        o.batches = [missing[k : k + size] for k in range(0, len(missing), size)]
        self._advance(o)

    def _finish(self, o: _Open) -> None:
        finish_problem(o.problem, o.state, o.survivors, self.cfg)
        o.phase = Phase.DONE
        self.open.remove(o)
        self.cluster.close(o.handle)
        now = time.monotonic()
        seconds, last = {}, o.opened
        for stage in ("sample+filter", "inputs", "behaviour"):
            if stage in o.marks:
                seconds[stage] = round(o.marks[stage] - last, 3)
                last = o.marks[stage]
        seconds["total"] = round(now - o.opened, 3)
        self._report(o.problem, o.state, seconds)

    def _report(self, problem: Problem, state: ProblemState, seconds: dict[str, float]) -> None:
        picks = state.picks
        summary = ProblemSummary(
            problem.id,
            len(state.samples),
            len(state.candidates),
            len(state.survivors()),
            len(state.clusters),
            tuple((p.candidate_id, p.cluster_size) for p in picks),
            bool(picks and picks[0].fallback),
            seconds,
        )
        self.finished.append(summary)
        self.on_done(summary)

    # --- handing out work --------------------------------------------------------------------

    def _buffered(self) -> int:
        return sum(len(o.queue) for o in self.open)

    def _dispatch(self) -> None:
        while (i := self.samplers.free()) is not None and self._sampler_work(i):
            pass
        while (j := self.judges.free()) is not None and self._judge_work(j):
            pass

    def _sampler_work(self, i: int) -> bool:
        for o in self.open:  # oldest first
            if o.phase is Phase.INPUTS and not o.inputs_asked:
                o.inputs_asked = True
                self._send(_Call("inputs", o, i, None))
                return True
            if o.phase is Phase.SAMPLING and o.todo and self._buffered() < self.cfg.max_buffered:
                self._send(_Call("sample", o, i, o.todo.popleft()))
                return True
        return False

    def _judge_work(self, j: int) -> bool:
        for o in self.open:  # filter work first, oldest first
            if o.queue:
                batch, o.queue = o.queue[: self.cfg.filter_batch], o.queue[self.cfg.filter_batch :]
                self._send(_Call("filter", o, j, batch))
                return True
        for o in self.open:
            if o.batches:
                self._send(_Call("behaviour", o, j, o.batches.pop(0)))
                return True
        return False

    def _send(self, call: _Call) -> None:
        o, cfg, c = call.problem, self.cfg, self.cluster
        if call.kind == "sample":
            seed = chunk_seed(cfg.seed, o.problem.id, call.unit)
            ref = c.sample(call.actor, o.handle, call.unit, seed, self.sconfig)
        elif call.kind == "inputs":
            ref = c.inputs(call.actor, o.handle, cfg.model_inputs, cfg.seed, self.sconfig)
        elif call.kind == "filter":
            ref = c.filter(call.actor, o.handle, call.unit)
        else:
            assert o.state.inputs is not None
            ref = c.behaviour(call.actor, o.handle, call.unit, o.state.inputs)
        self._lane(call).start(call.actor)
        o.calls += 1
        self.pending[ref] = call

    def _lane(self, call: _Call) -> _Lane:
        return self.samplers if call.kind in ("sample", "inputs") else self.judges

    # --- results -------------------------------------------------------------------------------

    def _receive(self, ref: Any) -> None:
        call = self.pending.pop(ref)
        o = call.problem
        self._lane(call).finish(call.actor)
        o.calls -= 1
        try:
            result = self.cluster.get(ref)
        except WorkLost as lost:
            self._resend(call, lost)
            return
        o.lost = 0
        if call.kind == "sample":
            chunk, drawn = result
            before = len(o.state.samples)
            fresh = o.state.add_samples(chunk, drawn[: chunk_size(self.cfg.samples, chunk)])
            self.progress("sample", len(o.state.samples) - before)
            o.queue += fresh
        elif call.kind == "inputs":
            self._set_inputs(o, list(result))
            self._start_behaviour(o)
            return
        elif call.kind == "filter":
            o.state.add_filter(result)
            self.progress("filter", len(result))
        else:
            o.state.add_behaviour(result)
            self.progress("behaviour", len(result))
        self._advance(o)

    def _resend(self, call: _Call, lost: WorkLost) -> None:
        o = call.problem
        o.lost += 1
        if o.lost > MAX_LOST:
            raise AlphasolveError(
                f"{o.problem.id}: {o.lost} calls lost with their actors, the last: {lost}"
            )
        first, cap = LOST_BACKOFF_S
        pause = min(cap, first * 2 ** (o.lost - 1))
        log.warning(
            "%s: %s call lost (%s); sending it again in %.2g s",
            o.problem.id,
            call.kind,
            lost,
            pause,
        )
        time.sleep(pause)
        if call.kind == "sample":
            o.todo.appendleft(call.unit)
        elif call.kind == "inputs":
            o.inputs_asked = False
        elif call.kind == "filter":
            o.queue[:0] = call.unit
        else:
            o.batches.insert(0, call.unit)

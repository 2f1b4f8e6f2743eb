"""The run directory's rows, typed: one frozen dataclass per stage file.

Each type knows its stage file (`STAGE`), writes itself as one JSON object (`to_row`) and
reads itself back (`from_row`); nothing else in the package builds or parses these rows, so
a field is named in exactly one place. A row that is missing a field or has one of the wrong
type is an error naming the file and the field, never a KeyError deep in a later stage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, ClassVar, TypeVar

from alphasolve.candidate import Candidate
from alphasolve.errors import AlphasolveError

__all__ = [
    "RECORDS",
    "BehaviourRecord",
    "ClusterRecord",
    "EvalRecord",
    "FilterRecord",
    "InputRecord",
    "PickRecord",
    "Record",
    "SampleRecord",
]

T = TypeVar("T")


def _field(row: Mapping[str, Any], name: str, kind: Callable[[Any], T], where: str) -> T:
    try:
        return kind(row[name])
    except KeyError:
        raise AlphasolveError(f"{where}: a row without {name!r}") from None
    except (TypeError, ValueError):
        raise AlphasolveError(f"{where}: {name!r} is not a {kind.__name__}") from None


@dataclass(frozen=True)
class SampleRecord:
    """One draw: the program and the chunk (work unit) that drew it. Rows are in sampling
    order within a chunk; chunks may finish in any order (samples_io.in_sampling_order)."""

    STAGE: ClassVar[str] = "samples"
    candidate: Candidate
    chunk: int

    @property
    def problem_id(self) -> str:
        return self.candidate.problem_id

    @property
    def candidate_id(self) -> str:
        return self.candidate.candidate_id

    def to_row(self) -> dict[str, Any]:
        return asdict(self.candidate) | {"tags": list(self.candidate.tags), "chunk": self.chunk}

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> SampleRecord:
        try:
            candidate = Candidate.from_json({k: v for k, v in row.items() if k != "chunk"})
        except KeyError as exc:
            raise AlphasolveError(f"{where}: a sample row without {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise AlphasolveError(f"{where}: a malformed sample row ({exc})") from None
        # Rows written one chunk after another before chunks were recorded are in order.
        return cls(candidate, int(row.get("chunk", 0)))


@dataclass(frozen=True)
class FilterRecord:
    """A distinct program judged on the examples."""

    STAGE: ClassVar[str] = "filter"
    problem_id: str
    candidate_id: str
    verdict: str  # the first failing example's verdict, or AC
    examples_passed: int
    passed: bool

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> FilterRecord:
        return cls(
            _field(row, "problem_id", str, where),
            _field(row, "candidate_id", str, where),
            _field(row, "verdict", str, where),
            _field(row, "examples_passed", int, where),
            _field(row, "passed", bool, where),
        )


@dataclass(frozen=True)
class InputRecord:
    """A generated test input (model-written or mutated from the examples)."""

    STAGE: ClassVar[str] = "inputs"
    problem_id: str
    index: int
    input: str

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> InputRecord:
        return cls(
            _field(row, "problem_id", str, where),
            _field(row, "index", int, where),
            _field(row, "input", str, where),
        )


@dataclass(frozen=True)
class BehaviourRecord:
    """A survivor's behaviour signature over the generated inputs."""

    STAGE: ClassVar[str] = "behaviour"
    problem_id: str
    candidate_id: str
    signature: tuple[str, ...]

    def to_row(self) -> dict[str, Any]:
        return asdict(self) | {"signature": list(self.signature)}

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> BehaviourRecord:
        return cls(
            _field(row, "problem_id", str, where),
            _field(row, "candidate_id", str, where),
            _field(row, "signature", tuple, where),
        )


@dataclass(frozen=True)
class ClusterRecord:
    STAGE: ClassVar[str] = "clusters"
    problem_id: str
    cluster: int
    members: tuple[str, ...]
    score: float
    draws: int  # the draws of its members (samples, duplicates included)

    def to_row(self) -> dict[str, Any]:
        return asdict(self) | {"members": list(self.members)}

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> ClusterRecord:
        return cls(
            _field(row, "problem_id", str, where),
            _field(row, "cluster", int, where),
            _field(row, "members", tuple, where),
            _field(row, "score", float, where),
            _field(row, "draws", int, where),
        )


@dataclass(frozen=True)
class PickRecord:
    STAGE: ClassVar[str] = "picks"
    problem_id: str
    rank: int
    candidate_id: str
    language: str
    code: str
    cluster: int  # -1: a fallback pick (nothing passed the examples)
    cluster_size: int  # draws of the pick's cluster (0 for a fallback pick)
    score: float
    fallback: bool

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> PickRecord:
        return cls(
            _field(row, "problem_id", str, where),
            _field(row, "rank", int, where),
            _field(row, "candidate_id", str, where),
            _field(row, "language", str, where),
            _field(row, "code", str, where),
            _field(row, "cluster", int, where),
            _field(row, "cluster_size", int, where),
            _field(row, "score", float, where),
            _field(row, "fallback", bool, where),
        )


@dataclass(frozen=True)
class EvalRecord:
    """A survivor judged on the examples and every hidden test."""

    STAGE: ClassVar[str] = "eval"
    problem_id: str
    candidate_id: str
    correct: bool
    verdict: str

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], where: str) -> EvalRecord:
        return cls(
            _field(row, "problem_id", str, where),
            _field(row, "candidate_id", str, where),
            _field(row, "correct", bool, where),
            _field(row, "verdict", str, where),
        )


Record = (
    SampleRecord
    | FilterRecord
    | InputRecord
    | BehaviourRecord
    | ClusterRecord
    | PickRecord
    | EvalRecord
)

# stage file -> its row type, in pipeline order (docs/architecture.md)
RECORDS: dict[str, type] = {
    r.STAGE: r
    for r in (
        SampleRecord,
        FilterRecord,
        InputRecord,
        BehaviourRecord,
        ClusterRecord,
        PickRecord,
        EvalRecord,
    )
}

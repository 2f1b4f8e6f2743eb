"""A sampled program: what the sampler produces and every later stage (filter, cluster, eval)
reads back from `samples.jsonl`.

The candidate id is a content hash of the language and the *normalised* code, so two samples
that differ only in comments or spacing share an id: that is the deduplication key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from judges.executors import EXECUTORS
from judges.executors.source import plain_normalise

__all__ = ["Candidate", "candidate_id", "dedupe", "normalise_code"]


@dataclass(frozen=True)
class Candidate:
    problem_id: str
    candidate_id: str  # candidate_id(language, code): equal for programs equal up to normalisation
    language: str  # a source language of the executor registry: "python3", "cpp17"
    code: str
    rating: int  # the metadata the prompt asked for (random per prompt group, not the truth)
    tags: tuple[str, ...]
    temperature: float
    seed: int  # the seed of the sampling call (one work unit) that produced it
    log_likelihood: float  # sum of log p(token) under the temperature-1 model, EOS included
    num_tokens: int  # generated tokens, EOS included when the model emitted it

    @classmethod
    def create(
        cls,
        *,
        problem_id: str,
        language: str,
        code: str,
        rating: int,
        tags: Iterable[str],
        temperature: float,
        seed: int,
        log_likelihood: float,
        num_tokens: int,
    ) -> Candidate:
        """A candidate whose id is computed from its language and code."""
        return cls(
            problem_id=problem_id,
            candidate_id=candidate_id(language, code),
            language=language,
            code=code,
            rating=rating,
            tags=tuple(tags),
            temperature=temperature,
            seed=seed,
            log_likelihood=log_likelihood,
            num_tokens=num_tokens,
        )

    def to_json(self) -> str:
        """One JSONL line (without the newline)."""
        record = asdict(self)
        record["tags"] = list(self.tags)
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str | dict[str, Any]) -> Candidate:
        record = json.loads(line) if isinstance(line, str) else dict(line)
        return cls(
            problem_id=str(record["problem_id"]),
            candidate_id=str(record["candidate_id"]),
            language=str(record["language"]),
            code=str(record["code"]),
            rating=int(record["rating"]),
            tags=tuple(record["tags"]),
            temperature=float(record["temperature"]),
            seed=int(record["seed"]),
            log_likelihood=float(record["log_likelihood"]),
            num_tokens=int(record["num_tokens"]),
        )


def normalise_code(code: str, language: str) -> str:
    """`code` without comments, blank lines or insignificant whitespace, by the syntax its
    executor declares (Python keeps each line's indentation, C++ only the line breaks that end
    a preprocessor directive). Languages no executor declares lose only trailing whitespace."""
    executor = EXECUTORS.get(language)
    if executor is None:
        return plain_normalise(code)
    return executor.syntax.normalise(code)


def candidate_id(language: str, code: str) -> str:
    """A stable 16-hex-digit id of the program up to normalisation."""
    digest = hashlib.sha256(f"{language}\0{normalise_code(code, language)}".encode())
    return digest.hexdigest()[:16]


def dedupe(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The first candidate of each candidate id, in order (judge each program once)."""
    seen: set[str] = set()
    out = []
    for cand in candidates:
        if cand.candidate_id not in seen:
            seen.add(cand.candidate_id)
            out.append(cand)
    return out

"""Training pairs from the corpus' JSON lines, and their batches.

Two tasks share one encoder-decoder (AlphaCode's value conditioning, plus the test-input task
the clustering stage needs):
  solution:    "# RATING: 1200 / # TAGS: ... / # LANGUAGE IS python3 / # CORRECT SOLUTION" +
               statement  ->  program   (INCORRECT SOLUTION -> a known-wrong program)
  test input:  "TEST INPUT" + statement  ->  one valid input
and a training-only auxiliary task for the model's weakest skill, copying constants:
  literals:    "LITERALS" + statement  ->  the statement's constants, e.g. "2 23 4"
"""

from __future__ import annotations

import logging
import random
from pathlib import Path

import torch

from alphasolve.corpus.split import stream_jsonl
from alphasolve.model.literals import Literals, mask_problem, mask_program, mask_text
from alphasolve.model.prompt import TAGS, PromptMeta, solution_prompt, test_input_prompt
from alphasolve.problem import Blob, Problem, TestCase

from .config import TrainConfig

__all__ = [
    "LITERALS_PROMPT",
    "SRC_BUCKETS",
    "TGT_BUCKETS",
    "bucket",
    "collate",
    "ensure_corpus",
    "examples_of",
    "make_batches",
    "problem_from_row",
    "statement_literals",
]

log = logging.getLogger(__name__)

# Padded lengths: a handful of fixed shapes keeps CPU kernels and the allocator warm (many
# distinct shapes made the process slow down and grow by gigabytes).
SRC_BUCKETS = (160, 224, 320, 448)
TGT_BUCKETS = (48, 96, 160, 256)

# Training-only task (never asked at sampling time), so plain text rather than a marker token.
LITERALS_PROMPT = "LITERALS\n"


def problem_from_row(row: dict) -> Problem:
    """The same Problem the native loader would build, so the model reads at training time
    exactly the text `Problem.full_statement()` gives it at sampling time."""
    examples = tuple(
        TestCase(str(i), Blob.of(e["input"]), Blob.of(e["output"]), "examples")
        for i, e in enumerate(row["examples"], 1)
    )
    return Problem(
        id=row["id"],
        name=row["name"],
        statement=row["legend"].strip(),
        input_spec=row["input_spec"].strip(),
        output_spec=row["output_spec"].strip(),
        examples=examples,
        hidden_tests=(),
        time_limit=float(row.get("time_limit", 1.0)),
        memory_limit=256,
        source_format="corpus",
        source_path=Path("."),
        tags=tuple(row.get("tags", ())),
        rating=row.get("rating"),
    )


def header_meta(
    row: dict, language: str, correct: bool, rng: random.Random, cfg: TrainConfig
) -> PromptMeta:
    rating, tags = row.get("rating"), tuple(row.get("tags", ()))
    if rng.random() < cfg.drop_meta_share:
        # Sampling draws random ratings and tags: teach the model not to lean on them.
        choice = rng.random()
        if choice < 0.4:
            rating, tags = None, ()
        else:
            rating = rng.randrange(800, 3501, 100)
            tags = tuple(sorted(rng.sample(TAGS, rng.randint(1, 3))))
    return PromptMeta(language=language, rating=rating, tags=tags, correct=correct)


def statement_literals(row: dict) -> list[str]:
    """The constants the statement states (not those the input gives), in the order of the
    problem's blocks: what a program has to copy."""
    meta = row.get("meta") or {}
    if meta.get("lit_src") != "stmt":
        return []
    return [str(v) for v in meta.get("literals") or []]


def examples_of(row: dict, cfg: TrainConfig, rng: random.Random) -> list[tuple[str, str]]:
    """The (source, target) pairs one corpus problem contributes."""
    problem = problem_from_row(row)
    # What the solution prompts show; test-input prompts always show the raw statement
    # (a generated input must hold real numbers), as Seq2SeqSampler does.
    shown, lits = (problem, Literals())
    if cfg.literal_placeholders:
        # rng.random() only when shuffling: runs without it keep their exact data stream
        shuffle = cfg.shuffle_placeholders > 0 and rng.random() < cfg.shuffle_placeholders
        shown, lits = mask_problem(problem, rng if shuffle else None)
    pairs = []
    for language, code in sorted(row["solutions"].items()):
        prompt = solution_prompt(shown, header_meta(row, language, True, rng, cfg))
        pairs.append((prompt, mask_program(code, lits)))
    wrong = row.get("incorrect_solutions") or []
    if wrong and rng.random() < cfg.incorrect_share:
        w = rng.choice(wrong)
        prompt = solution_prompt(shown, header_meta(row, w["language"], False, rng, cfg))
        pairs.append((prompt, mask_program(w["code"], lits)))
    inputs = [t for t in row.get("test_inputs") or [] if len(t) < 400]
    if inputs and rng.random() < cfg.test_input_share:
        pairs.append((test_input_prompt(problem), rng.choice(inputs)))
    literals = statement_literals(row)
    if literals and rng.random() < cfg.copy_share:
        if cfg.literal_placeholders:
            # A letter is quoted in the statement: quote it so it maps to its placeholder.
            literals = [
                mask_text(v if v.lstrip("-").isdigit() else f"'{v}'", lits) for v in literals
            ]
        target = " ".join(literals)
        pairs.append((LITERALS_PROMPT + shown.full_statement(), target))
    return pairs


def ensure_corpus(path: Path, cfg: TrainConfig, workers: int = 2) -> None:
    """The run's train split as JSON lines at `path`, built from cfg.corpus_seed if missing
    (the build writes beside it and renames, so a file there is always whole)."""
    if path.is_file():
        return
    log.info("building the train split (%d problems) into %s", cfg.corpus_count, path)
    stream_jsonl("train", cfg.corpus_seed, cfg.corpus_count, workers, path)


def bucket(length: int, buckets: tuple[int, ...]) -> int | None:
    return next((b for b in buckets if length <= b), None)


def make_batches(
    src: list[list[int]], tgt: list[list[int]], cfg: TrainConfig, epoch_seed: int
) -> list[list[int]]:
    """Indices grouped by (source bucket, target bucket), batched by a token budget."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (s, t) in enumerate(zip(src, tgt, strict=True)):
        sb, tb = bucket(len(s), SRC_BUCKETS), bucket(len(t), TGT_BUCKETS)
        if sb is not None and tb is not None:
            groups.setdefault((sb, tb), []).append(i)
    rng = random.Random(epoch_seed)
    batches = []
    for (sb, tb), idx in sorted(groups.items()):
        rng.shuffle(idx)
        size = max(4, cfg.tokens_per_batch // (sb + tb))
        batches += [idx[k : k + size] for k in range(0, len(idx), size)]
    rng.shuffle(batches)
    return batches


def collate(
    indices: list[int], src: list[list[int]], tgt: list[list[int]], pad: int
) -> dict[str, torch.Tensor]:
    sb = bucket(max(len(src[i]) for i in indices), SRC_BUCKETS)
    tb = bucket(max(len(tgt[i]) for i in indices), TGT_BUCKETS)
    assert sb is not None and tb is not None
    input_ids = torch.full((len(indices), sb), pad, dtype=torch.long)
    labels = torch.full((len(indices), tb), -100, dtype=torch.long)
    for row, i in enumerate(indices):
        input_ids[row, : len(src[i])] = torch.tensor(src[i])
        labels[row, : len(tgt[i])] = torch.tensor(tgt[i])
    return {"input_ids": input_ids, "attention_mask": input_ids.ne(pad).long(), "labels": labels}

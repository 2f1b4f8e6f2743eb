#!/usr/bin/env python3
"""Train alphasolve's default model: a small T5 on the synthetic corpus, on CPU.

    python scripts/train_default_model.py --out checkpoints/default --max-minutes 80
    python scripts/train_default_model.py --out checkpoints/default --export alphasolve/default_model

How the shipped model was made: 1,700 steps from random weights (the first command with
--steps 1700), then seven continuations, each from the model exported by the one before
(the last five inherit the placeholders from their --init; the seventh's corpus is the
grammar with the train-only blocks cm_vowel and ca_sorted, scripts/corpus/holdout.py; the
eighth's adds train-only chains of three filters and draws the operations with a held-out
shape twice as often, scripts/corpus/grammar.py):

    python scripts/train_default_model.py --out checkpoints/v2 --init alphasolve/default_model \
        --corpus-seed 2 --steps 1700 --lr 6e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25
    python scripts/train_default_model.py --out checkpoints/v3 --init alphasolve/default_model \
        --corpus-seed 3 --steps 1500 --lr 6e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25 --literal-placeholders true
    python scripts/train_default_model.py --out checkpoints/v4 --init alphasolve/default_model \
        --corpus-seed 4 --steps 1600 --lr 5e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25
    python scripts/train_default_model.py --out checkpoints/v5 --init alphasolve/default_model \
        --corpus-seed 5 --steps 1500 --lr 5e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25
    python scripts/train_default_model.py --out checkpoints/v6 --init alphasolve/default_model \
        --corpus-seed 6 --steps 1500 --lr 5e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25
    python scripts/train_default_model.py --out checkpoints/v7 --init alphasolve/default_model \
        --corpus-seed 8 --steps 1500 --lr 5e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25
    python scripts/train_default_model.py --out checkpoints/v8 --init alphasolve/default_model \
        --corpus-seed 10 --steps 1500 --lr 5e-4 --warmup 60 --copy-share 0.5 \
        --test-input-share 0.25
    python scripts/train_default_model.py --out checkpoints/v8 \
        --export alphasolve/default_model --sampling-temperature 1.0

Two tasks share one encoder-decoder (AlphaCode's value conditioning, plus the test-input task
the clustering stage needs):
  solution:    "# RATING: 1200 / # TAGS: ... / # LANGUAGE IS python3 / # CORRECT SOLUTION" +
               statement  ->  program   (INCORRECT SOLUTION -> a known-wrong program)
  test input:  "TEST INPUT" + statement  ->  one valid input
and a training-only auxiliary task for the model's weakest skill, copying constants:
  literals:    "LITERALS" + statement  ->  the statement's constants, e.g. "2 23 4"

--literal-placeholders true trains on statements whose numbers and quoted letters are
placeholders (<N0>, <L0>: alphasolve/model/literals.py) and on programs that write the
statement's constants as those placeholders; the export's alphasolve.json tells the sampler
to mask and unmask the same way.

--shuffle-placeholders P numbers the placeholders of a share P of the problems in a random
order instead of reading order, against the positional shortcut (docs/model.md: tried once
from the shipped model, 1,172 steps at P = 1: worse on valid, not shipped).

--dropout R trains with T5's dropout at rate R (default 0: the shipped model was trained
without; 1,000 steps at 0.1 from it were worse on valid, docs/model.md). Sampling runs the
model in eval mode, so an exported model samples the same way whatever R was.

--init starts from a model saved with save_pretrained (the shipped one, say) instead of from
random weights: its tokenizer is kept, so its prompts and programs tokenise as before.

Resumable: every few minutes the model, optimiser, step and data order go to
OUT/checkpoint.pt (atomically); re-running the same command continues from there, so the
run may span several sittings. The learning-rate schedule is by step (--steps), never by
wall time, so a resumed run follows exactly the schedule of an uninterrupted one.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
from transformers import T5ForConditionalGeneration

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from alphasolve.model.architecture import default_t5_config  # noqa: E402
from alphasolve.model.literals import (  # noqa: E402
    Literals,
    mask_problem,
    mask_program,
    mask_text,
)
from alphasolve.model.prompt import TAGS, PromptMeta, solution_prompt, test_input_prompt  # noqa: E402
from alphasolve.model.sampler import ModelError  # noqa: E402
from alphasolve.model.seq2seq import resolve_dtype  # noqa: E402
from alphasolve.model.settings import SETTINGS_FILE, ModelSettings, read_settings  # noqa: E402
from alphasolve.model.tokenizer import (  # noqa: E402
    add_placeholder_tokens,
    load_tokenizer,
    train_tokenizer,
)
from alphasolve.problem import Blob, Problem, TestCase  # noqa: E402

# Padded lengths: a handful of fixed shapes keeps CPU kernels and the allocator warm (many
# distinct shapes made a feasibility run slow down and grow to 8 GB).
SRC_BUCKETS = (160, 224, 320, 448)
TGT_BUCKETS = (48, 96, 160, 256)


@dataclass(frozen=True)
class TrainConfig:
    seed: int = 1234
    corpus_seed: int = 1
    corpus_count: int = 40000
    vocab_size: int = 2048
    d_model: int = 256
    d_ff: int = 1024
    layers: int = 4
    heads: int = 8
    steps: int = 9000
    tokens_per_batch: int = 14000  # (source + target) padded tokens per batch
    lr: float = 1e-3
    warmup: int = 300
    min_lr_ratio: float = 0.05
    weight_decay: float = 0.01
    incorrect_share: float = 0.35  # of problems that also contribute an INCORRECT example
    test_input_share: float = 0.5  # of problems that contribute a TEST INPUT example
    drop_meta_share: float = 0.25  # headers with rating/tags removed or randomised
    copy_share: float = 0.0  # of problems with constants in the statement: a LITERALS example
    literal_placeholders: bool = False  # constants as <N0>/<L0> in prompts and programs
    # of problems whose placeholders are numbered in a random order, not reading order
    # (literals.mask_problem): breaks the "second number is the multiplier" shortcut
    shuffle_placeholders: float = 0.0
    # T5's dropout while training (the sampler runs in eval mode, so inference never sees it)
    dropout: float = 0.0
    checkpoint_minutes: float = 4.0
    init: str | None = None  # save_pretrained directory the weights start from
    init_steps: int = 0  # how many steps that model had been trained (provenance)


# ----- data -----


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


# Training-only task (never asked at sampling time), so plain text rather than a marker token.
LITERALS_PROMPT = "LITERALS\n"


def statement_literals(row: dict) -> list[str]:
    """The constants the statement states (not those the input gives), in the order of the
    problem's blocks: what a program has to copy."""
    meta = row.get("meta") or {}
    if meta.get("lit_src") != "stmt":
        return []
    return [str(v) for v in meta.get("literals") or []]


def examples_of(row: dict, cfg: TrainConfig, rng: random.Random) -> list[tuple[str, str]]:
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


def ensure_corpus(path: Path, cfg: TrainConfig) -> None:
    if path.is_file():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the train split ({cfg.corpus_count} problems) into {path}", flush=True)
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_corpus.py"), "--split", "train",
         "--seed", str(cfg.corpus_seed), "--count", str(cfg.corpus_count), "--format", "jsonl",
         "--out", str(path)],
        check=True,
    )  # fmt: skip


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


# ----- model and schedule -----


def new_model(cfg: TrainConfig, vocab: int, pad: int, eos: int) -> T5ForConditionalGeneration:
    config = default_t5_config(
        vocab, cfg.d_model, cfg.d_ff, cfg.layers, cfg.heads,
        pad_token_id=pad, eos_token_id=eos, decoder_start_token_id=pad,
        dropout_rate=cfg.dropout,
    )  # fmt: skip
    torch.manual_seed(cfg.seed)
    return T5ForConditionalGeneration(config)


def lr_at(step: int, cfg: TrainConfig) -> float:
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    progress = min(1.0, (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup))
    return cfg.lr * (
        cfg.min_lr_ratio + (1 - cfg.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * progress))
    )


def save_checkpoint(path: Path, model, optim, step: int, epoch: int, batch_pos: int) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(
        {
            "model": model.state_dict(),
            "optim": optim.state_dict(),
            "step": step,
            "epoch": epoch,
            "batch_pos": batch_pos,
        },
        tmp,
    )
    os.replace(tmp, path)  # atomic: a kill mid-save leaves the previous checkpoint intact


# ----- main -----


# glibc's malloc hands the large, short-lived activation buffers of every step back to the
# kernel and faults them in again (a quarter of the CPU went to the kernel, 2 cores); jemalloc
# with decay off keeps them. scripts/bench_training.py measures the difference.
JEMALLOC = (
    "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
    "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2",
    "/usr/lib64/libjemalloc.so.2",
    "/usr/local/lib/libjemalloc.so.2",
)
JEMALLOC_CONF = "dirty_decay_ms:-1,muzzy_decay_ms:-1"


class StopRequest:
    """SIGTERM (a Ray pod or batch system ending the job) or Ctrl-C during the steps: finish
    the step under way, save a checkpoint and return, so the sitting's last minutes are kept
    (a kill loses everything since the last periodic save). A second signal stops at once,
    leaving the last checkpoint as it was (the save is atomic)."""

    def __init__(self) -> None:
        self.name: str | None = None

    def __call__(self, signum: int, frame: object) -> None:
        if self.name is not None:
            sys.exit(f"second {signal.Signals(signum).name}: stopped without saving this step")
        self.name = signal.Signals(signum).name

    def install(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self)


def release_memory_above(limit_bytes: int) -> bool:
    """With decay off jemalloc never returns freed pages, and the per-shape buffers add up (a
    run reached 24 GB and was OOM-killed); past `limit_bytes` of resident memory, hand them all
    back at once. A no-op under any other allocator (glibc returns them itself)."""
    import ctypes

    import psutil

    if psutil.Process().memory_info().rss <= limit_bytes:
        return False
    mallctl = getattr(ctypes.CDLL(None), "mallctl", None)
    if mallctl is None:
        return False
    all_arenas = b"arena.4096.purge"  # MALLCTL_ARENAS_ALL
    return mallctl(all_arenas, None, None, None, ctypes.c_size_t(0)) == 0


def jemalloc_env(env: dict[str, str]) -> dict[str, str] | None:
    """`env` with jemalloc preloaded, or None where it is not installed (apt install
    libjemalloc2) or already preloaded."""
    if "jemalloc" in env.get("LD_PRELOAD", ""):
        return None
    lib = next((path for path in JEMALLOC if os.path.exists(path)), None)
    if lib is None:
        return None
    preload = " ".join(filter(None, [lib, env.get("LD_PRELOAD", "")]))
    return env | {"LD_PRELOAD": preload, "MALLOC_CONF": env.get("MALLOC_CONF", JEMALLOC_CONF)}


def prepare(out: Path, cfg: TrainConfig, corpus: Path):
    ensure_corpus(corpus, cfg)
    rng = random.Random(cfg.seed)
    pairs: list[tuple[str, str]] = []
    with corpus.open() as f:
        for line in f:
            pairs += examples_of(json.loads(line), cfg, rng)
    tok_dir = out / "tokenizer"
    if (tok_dir / "tokenizer.json").is_file():
        tokenizer = load_tokenizer(tok_dir)
    elif cfg.init:
        tokenizer = load_tokenizer(cfg.init)  # the starting model's vocabulary, unchanged
        tokenizer.save_pretrained(tok_dir)
    else:
        sample = [
            t
            for pair in random.Random(cfg.seed).sample(pairs, min(30000, len(pairs)))
            for t in pair
        ]
        tokenizer = train_tokenizer(sample, vocab_size=cfg.vocab_size)
        tokenizer.save_pretrained(tok_dir)
    if cfg.literal_placeholders and add_placeholder_tokens(tokenizer):
        tokenizer.save_pretrained(tok_dir)  # new ids after the old: --init weights still fit
    src = tokenizer([p for p, _ in pairs], add_special_tokens=True)["input_ids"]
    tgt = tokenizer([t for _, t in pairs], add_special_tokens=True)["input_ids"]
    return tokenizer, pairs, src, tgt


def _flag_bool(text: str) -> bool:
    if text.lower() in ("true", "yes", "1"):
        return True
    if text.lower() in ("false", "no", "0"):
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")


# Settings a command line may give; each defaults to the run's recorded value (or to
# TrainConfig's for a new run), so a resumed run or an export needs only --out.
_FLAGS = {
    "steps": int,
    "lr": float,
    "warmup": int,
    "corpus_seed": int,
    "corpus_count": int,
    "tokens_per_batch": int,
    "copy_share": float,
    "test_input_share": float,
    "incorrect_share": float,
    "init": str,
    "literal_placeholders": _flag_bool,
    "shuffle_placeholders": float,
    "dropout": float,
}


def resolve_config(out: Path, args: argparse.Namespace) -> TrainConfig:
    """The run's config: recorded in OUT/train_config.json, or new from the flags. Only
    --steps may change between sittings: it reshapes the rest of the cosine schedule (a run
    that turns out slower than planned can still anneal in time)."""
    config_file = out / "train_config.json"
    given = {k: getattr(args, k) for k in _FLAGS if getattr(args, k) is not None}
    if config_file.is_file():
        try:
            cfg = TrainConfig(**json.loads(config_file.read_text()))
        except (ValueError, TypeError) as exc:
            sys.exit(f"{config_file}: not a config this script wrote ({exc}); use a new --out")
        clash = [k for k, v in given.items() if k != "steps" and getattr(cfg, k) != v]
        if clash:
            recorded = ", ".join(f"{k}={getattr(cfg, k)!r}" for k in clash)
            sys.exit(f"{config_file} records {recorded}; use a new --out or drop those flags")
        if "steps" in given and given["steps"] != cfg.steps:
            print(f"schedule length changed: {cfg.steps} -> {given['steps']} steps", flush=True)
        return replace(cfg, **given)
    cfg = replace(TrainConfig(), **given)
    if cfg.init:
        cfg = replace(cfg, **init_shape(Path(cfg.init)))
        if "literal_placeholders" not in given:
            # Continuing a placeholder model (the shipped one) keeps its prompt contract
            # unless told otherwise: a silent switch back to raw digits would undo it.
            try:
                placeholders = read_settings(cfg.init).literal_placeholders
            except ModelError as exc:
                sys.exit(f"--init: {exc}")
            cfg = replace(cfg, literal_placeholders=placeholders)
    return cfg


def init_shape(directory: Path) -> dict:
    """Shape settings of the model --init starts from (the run records and exports them),
    and how long it had been trained."""
    try:
        config = json.loads((directory / "config.json").read_text())
    except (OSError, ValueError) as exc:
        sys.exit(f"--init {directory}: no readable config.json ({exc})")
    if config.get("model_type") != "t5":
        sys.exit(f"--init {directory}: model_type {config.get('model_type')!r}, expected 't5'")
    recorded = directory / "train_config.json"
    try:
        steps = (
            json.loads(recorded.read_text()).get("trained_steps", 0) if recorded.is_file() else 0
        )
    except (OSError, ValueError, AttributeError) as exc:
        sys.exit(f"--init {recorded}: not a training record ({exc})")
    return {
        "vocab_size": config["vocab_size"],
        "d_model": config["d_model"],
        "d_ff": config["d_ff"],
        "layers": config["num_layers"],
        "heads": config["num_heads"],
        "init_steps": steps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "checkpoints" / "default")
    parser.add_argument(
        "--corpus", type=Path, default=None, help="train split as JSONL (built if missing)"
    )
    parser.add_argument(
        "--max-minutes", type=float, default=1e9, help="stop this sitting after this long"
    )
    for name, kind in _FLAGS.items():
        parser.add_argument("--" + name.replace("_", "-"), type=kind, default=None)
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument(
        "--export", type=Path, help="write the trained model (save_pretrained) here and exit"
    )
    parser.add_argument(
        "--sampling-temperature",
        type=float,
        metavar="T",
        help="with --export: the temperature alphasolve samples this model at by default "
        "(recorded in its alphasolve.json; measure it, e.g. with `alphasolve eval`)",
    )
    parser.add_argument(
        "--precision",
        choices=("auto", "float32", "bfloat16"),
        default="auto",
        help="autocast dtype of the forward pass; auto: bfloat16 where the CPU has bf16 units "
        "(AMX or AVX512-BF16), float32 elsewhere (bf16 is emulated there: ~17x slower on AVX2)",
    )
    parser.add_argument(
        "--malloc",
        choices=("auto", "system"),
        default="auto",
        help="auto: re-run under jemalloc when it is installed (faster on CPU)",
    )
    args = parser.parse_args()
    if args.sampling_temperature is not None and (
        not args.export or not args.sampling_temperature >= 0
    ):
        sys.exit("--sampling-temperature needs --export and a value >= 0")
    if args.malloc == "auto" and not args.export:
        env = jemalloc_env(dict(os.environ))
        if env is not None:
            print(f"re-running under {env['LD_PRELOAD'].split()[0]}", flush=True)
            os.execve(sys.executable, [sys.executable, *sys.argv], env)
    torch.set_num_threads(args.threads)
    dtype = resolve_dtype(args.precision, "cpu")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    cfg = resolve_config(out, args)
    if not 0.0 <= cfg.dropout < 1.0:
        sys.exit(f"--dropout {cfg.dropout}: expected a rate in [0, 1)")
    (out / "train_config.json").write_text(json.dumps(asdict(cfg), indent=2))
    corpus = args.corpus or out / "train.jsonl"
    ckpt_path = out / "checkpoint.pt"
    if args.export:  # needs only the tokenizer and the checkpoint, not the corpus
        tokenizer = load_tokenizer(out / "tokenizer")
        model = new_model(cfg, len(tokenizer), tokenizer.pad_token_id, tokenizer.eos_token_id)
        state = torch.load(ckpt_path, map_location="cpu", weights_only=True)
        model.load_state_dict(state["model"])
        export(model, tokenizer, cfg, state["step"], args.export, args.sampling_temperature)
        return

    resume = (
        torch.load(ckpt_path, map_location="cpu", weights_only=True)
        if ckpt_path.is_file()
        else None
    )
    if resume is not None and resume["step"] >= cfg.steps:
        # A re-run of a finished run (a script that resumes until done) returns at once: the
        # train split would be rebuilt (minutes) only to find nothing left to do.
        print(f"already finished at step {resume['step']} of {cfg.steps}; nothing to train", flush=True)  # fmt: skip
        return

    tokenizer, pairs, src, tgt = prepare(out, cfg, corpus)
    pad, eos = tokenizer.pad_token_id, tokenizer.eos_token_id
    model = new_model(cfg, len(tokenizer), pad, eos)
    if cfg.init:
        # Same shape by construction (resolve_config copied it); strict loading checks it.
        start_from = T5ForConditionalGeneration.from_pretrained(
            cfg.init, local_files_only=True, dtype=torch.float32
        )
        if start_from.config.vocab_size < len(tokenizer):  # the placeholders were added
            # Not transformers' default mean-resizing: it put every new row near the mean of
            # the old ones (norm ~2.5 against ~16, cosine 0.98 between <N0> and <N1>), so the
            # model could not tell the placeholders apart, and Adam's ~lr-sized steps had not
            # separated them after 500 steps. T5's own init draws distinct rows at full scale.
            start_from.resize_token_embeddings(len(tokenizer), mean_resizing=False)
        try:
            model.load_state_dict(start_from.state_dict())
        except RuntimeError as exc:  # a T5 of another layout (gated FFN, d_kv, depths)
            first = str(exc).strip().splitlines()[0]
            sys.exit(f"--init {cfg.init}: its weights do not fit this script's T5 ({first})")
        del start_from
    optim = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    step = epoch = batch_pos = 0
    if resume is not None:
        model.load_state_dict(resume["model"])
        optim.load_state_dict(resume["optim"])
        step, epoch, batch_pos = resume["step"], resume["epoch"], resume["batch_pos"]
        del resume  # the model and optimiser hold copies; this one would stay for the run
        print(f"resumed at step {step} (epoch {epoch}, batch {batch_pos})", flush=True)
    n_params = sum(p.numel() for p in model.parameters())
    kept = sum(
        1
        for s, t in zip(src, tgt, strict=True)
        if bucket(len(s), SRC_BUCKETS) and bucket(len(t), TGT_BUCKETS)
    )
    print(
        f"{len(pairs)} pairs ({kept} within the length buckets), {n_params / 1e6:.1f}M parameters, vocab {len(tokenizer)}, "
        f"{'bfloat16 autocast' if dtype != torch.float32 else 'float32'} with {args.threads} threads",
        flush=True,
    )
    if not kept:
        sys.exit(
            f"no training pair fits the length buckets (source <= {SRC_BUCKETS[-1]}, "
            f"target <= {TGT_BUCKETS[-1]} tokens): nothing to train on"
        )

    import psutil

    memory_limit = psutil.virtual_memory().total // 2
    model.train()
    # Only now: a signal during the preparation (minutes) kills as usual, nothing is lost.
    stop = StopRequest()
    stop.install()
    print("training (SIGTERM or Ctrl-C: stop after this step, with a checkpoint)", flush=True)
    start = last_ckpt = time.monotonic()
    seen = 0
    loss_avg = None
    while step < cfg.steps:
        batches = make_batches(src, tgt, cfg, cfg.seed + epoch)
        while batch_pos < len(batches) and step < cfg.steps:
            batch = collate(batches[batch_pos], src, tgt, pad)
            for group in optim.param_groups:
                group["lr"] = lr_at(step, cfg)
            with torch.autocast("cpu", dtype=dtype, enabled=dtype != torch.float32):
                loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            optim.zero_grad(set_to_none=True)
            release_memory_above(memory_limit)
            step += 1
            batch_pos += 1
            seen += len(batches[batch_pos - 1])
            loss_avg = loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * loss.item()
            elapsed = time.monotonic() - start
            if step % 50 == 0:
                print(f"step {step}/{cfg.steps} epoch {epoch} loss {loss_avg:.4f} lr {lr_at(step, cfg):.2e} "
                      f"{seen / elapsed:.1f} samples/s {elapsed / 60:.1f} min", flush=True)  # fmt: skip
            if time.monotonic() - last_ckpt > cfg.checkpoint_minutes * 60:
                save_checkpoint(ckpt_path, model, optim, step, epoch, batch_pos)
                last_ckpt = time.monotonic()
            if elapsed > args.max_minutes * 60 or stop.name is not None:
                save_checkpoint(ckpt_path, model, optim, step, epoch, batch_pos)
                why = f" on {stop.name}" if stop.name is not None else ""
                print(f"stopping this sitting at step {step}{why}; re-run to continue", flush=True)
                return
        if batch_pos >= len(batches):
            epoch += 1
            batch_pos = 0
    save_checkpoint(ckpt_path, model, optim, step, epoch, batch_pos)
    print(f"training finished at step {step}", flush=True)


def export(
    model: T5ForConditionalGeneration,
    tokenizer,
    cfg: TrainConfig,
    step: int,
    target: Path,
    temperature: float | None = None,
) -> None:
    """The shipped form: save_pretrained with safetensors (bf16 halves the size in git),
    the tokenizer beside it, and the training config for provenance."""
    target.mkdir(parents=True, exist_ok=True)
    model.to(torch.bfloat16).save_pretrained(target, safe_serialization=True)
    tokenizer.save_pretrained(target)
    record = asdict(cfg) | {
        "trained_steps": cfg.init_steps + step,  # from random weights
        "vocab_size": len(tokenizer),  # the placeholders may have added ids to the init's
    }
    if cfg.init:
        # Keep how the starting model was trained; the export may overwrite its directory.
        previous = Path(cfg.init) / "train_config.json"
        if previous.is_file():
            record["init_config"] = json.loads(previous.read_text())
    (target / "train_config.json").write_text(json.dumps(record, indent=2))
    # What the sampler needs to know to read and write like the training data did.
    settings = ModelSettings(cfg.literal_placeholders, temperature)
    (target / SETTINGS_FILE).write_text(settings.to_json())
    for path in target.iterdir():
        path.chmod(0o644)  # safetensors writes 0600; an installed package must be readable
    size = sum(p.stat().st_size for p in target.iterdir()) / 2**20
    print(f"exported step {step} to {target} ({size:.1f} MiB)")


if __name__ == "__main__":
    main()

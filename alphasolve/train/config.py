"""A training run's settings: one frozen record, written to OUT/train_config.json when the
run starts and read back by every later sitting and by the export."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from alphasolve.errors import AlphasolveError
from alphasolve.model.sampler import ModelError
from alphasolve.model.settings import read_settings

__all__ = [
    "FLAGS",
    "TrainConfig",
    "TrainError",
    "init_shape",
    "parse_bool",
    "record_config",
    "resolve_config",
]

log = logging.getLogger(__name__)

CONFIG_FILE = "train_config.json"


class TrainError(AlphasolveError):
    """A run that cannot start or continue as asked: shown as one line."""


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

    def __post_init__(self) -> None:
        if not 0.0 <= self.dropout < 1.0:
            raise TrainError(f"--dropout {self.dropout}: expected a rate in [0, 1)")


def parse_bool(text: str) -> bool:
    if text.lower() in ("true", "yes", "1"):
        return True
    if text.lower() in ("false", "no", "0"):
        return False
    raise ValueError(f"expected true or false, got {text!r}")


# Settings a command line may give; each defaults to the run's recorded value (or to
# TrainConfig's for a new run), so a resumed run or an export needs only --out.
FLAGS: dict[str, Callable[[str], object]] = {
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
    "literal_placeholders": parse_bool,
    "shuffle_placeholders": float,
    "dropout": float,
}


def resolve_config(out: Path, given: Mapping[str, object]) -> TrainConfig:
    """The run's config: recorded in OUT/train_config.json, or new from `given` (flag name
    -> value, FLAGS' names only). Only `steps` may change between sittings: it reshapes the
    rest of the cosine schedule (a run that turns out slower than planned can still anneal
    in time)."""
    unknown = sorted(set(given) - set(FLAGS))
    if unknown:
        raise TrainError(f"unknown training settings {unknown}; known: {sorted(FLAGS)}")
    config_file = out / CONFIG_FILE
    if config_file.is_file():
        try:
            cfg = TrainConfig(**json.loads(config_file.read_text()))
        except (ValueError, TypeError) as exc:
            raise TrainError(
                f"{config_file}: not a config this trainer wrote ({exc}); use a new --out"
            ) from exc
        clash = [k for k, v in given.items() if k != "steps" and getattr(cfg, k) != v]
        if clash:
            recorded = ", ".join(f"{k}={getattr(cfg, k)!r}" for k in clash)
            raise TrainError(
                f"{config_file} records {recorded}; use a new --out or drop those flags"
            )
        if "steps" in given and given["steps"] != cfg.steps:
            log.info("schedule length changed: %d -> %d steps", cfg.steps, given["steps"])
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
                raise TrainError(f"--init: {exc}") from exc
            cfg = replace(cfg, literal_placeholders=placeholders)
    return cfg


def record_config(out: Path, cfg: TrainConfig) -> None:
    (out / CONFIG_FILE).write_text(json.dumps(asdict(cfg), indent=2))


def init_shape(directory: Path) -> dict[str, int]:
    """Shape settings of the model --init starts from (the run records and exports them),
    and how long it had been trained."""
    try:
        config = json.loads((directory / "config.json").read_text())
    except (OSError, ValueError) as exc:
        raise TrainError(f"--init {directory}: no readable config.json ({exc})") from exc
    if config.get("model_type") != "t5":
        raise TrainError(
            f"--init {directory}: model_type {config.get('model_type')!r}, expected 't5'"
        )
    recorded = directory / CONFIG_FILE
    try:
        steps = (
            json.loads(recorded.read_text()).get("trained_steps", 0) if recorded.is_file() else 0
        )
    except (OSError, ValueError, AttributeError) as exc:
        raise TrainError(f"--init {recorded}: not a training record ({exc})") from exc
    return {
        "vocab_size": config["vocab_size"],
        "d_model": config["d_model"],
        "d_ff": config["d_ff"],
        "layers": config["num_layers"],
        "heads": config["num_heads"],
        "init_steps": steps,
    }

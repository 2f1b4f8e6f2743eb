"""A model directory's alphasolve settings: `alphasolve.json` beside its config.json.

What the weights alone cannot say about how to use them, written by whoever trained and
measured the model (scripts/train_default_model.py writes it on export):

    {"literal_placeholders": true, "temperature": 1.0, "prompt": "chat"}

- `literal_placeholders`: the model reads statements whose constants are placeholders and
  writes programs that use them (literals.py). Default false: the statement as it is.
- `temperature`: the sampling temperature to use when the user gives none. Which temperature
  is best depends on the model (a sharp small model needs a hotter one to draw enough
  distinct programs at large k), so it belongs with the model; absent, SamplingConfig's.
- `prompt`: `prefix` (the metadata header and statement, continued by the program) or
  `chat` (an instruction-tuned causal model: a chat turn, the reply's fenced code block);
  `--prompt` overrides it. Absent: prefix.

A model without the file (any model of one's own) gets the defaults. A file that is not
JSON, has a field of the wrong type or an unknown field is a one-line ModelError: a typo in
it would otherwise silently change how every sample is drawn.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, fields
from pathlib import Path

from alphasolve.model.sampler import (
    AUTO,
    SAMPLERS,
    ModelError,
    PromptStyle,
    SamplingConfig,
    backend_name,
)

__all__ = [
    "SETTINGS_FILE",
    "ModelSettings",
    "default_temperature",
    "read_settings",
    "resolve_temperature",
]

SETTINGS_FILE = "alphasolve.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelSettings:
    literal_placeholders: bool = False
    temperature: float | None = None  # None: SamplingConfig's default
    prompt: PromptStyle | None = None  # None: prefix, unless --prompt says otherwise

    def to_json(self) -> str:
        data: dict[str, object] = {"literal_placeholders": self.literal_placeholders}
        if self.temperature is not None:
            data["temperature"] = self.temperature
        if self.prompt is not None:
            data["prompt"] = str(self.prompt)
        return json.dumps(data, indent=2) + "\n"


def read_settings(model_dir: str | Path) -> ModelSettings:
    """The settings in `model_dir`, or the defaults where it has no alphasolve.json."""
    path = Path(model_dir) / SETTINGS_FILE
    if not path.is_file():
        return ModelSettings()
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path}: must be a JSON object")
    known = {f.name for f in fields(ModelSettings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ModelError(
            f"{path}: unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    placeholders = data.get("literal_placeholders", False)
    if not isinstance(placeholders, bool):
        raise ModelError(f"{path}: field 'literal_placeholders' must be true or false")
    temperature = data.get("temperature")
    if temperature is not None and (
        isinstance(temperature, bool)
        or not isinstance(temperature, int | float)
        or not temperature >= 0
    ):
        raise ModelError(f"{path}: field 'temperature' must be a number >= 0")
    prompt = data.get("prompt")
    if prompt is not None and prompt not in set(PromptStyle):
        styles = " or ".join(repr(str(s)) for s in PromptStyle)
        raise ModelError(f"{path}: field 'prompt' must be {styles}")
    return ModelSettings(
        literal_placeholders=placeholders,
        temperature=None if temperature is None else float(temperature),
        prompt=None if prompt is None else PromptStyle(prompt),
    )


def default_temperature(model_dir: str | Path | None, sampler: str = AUTO) -> float:
    """The temperature to sample at when the user gives none: the model's own setting, else
    SamplingConfig's (a backend without a model, like the fake one, has no settings)."""
    if model_dir is not None and not Path(model_dir).is_dir():
        # A Ray driver need not hold the model its sampling actors load; say so rather than
        # fall back silently to a temperature the model was not measured at.
        log.warning(
            "model directory %s is not on this machine, so its alphasolve.json cannot be "
            "read: sampling at temperature %s (pass --temperature to choose)",
            model_dir, SamplingConfig.temperature,
        )  # fmt: skip
        return SamplingConfig.temperature
    info = SAMPLERS[backend_name(sampler, model_dir)]
    directory = model_dir if model_dir is not None else info.default_model
    if not info.needs_model or directory is None:
        return SamplingConfig.temperature
    chosen = read_settings(directory).temperature
    return SamplingConfig.temperature if chosen is None else chosen


def resolve_temperature(
    given: float | None, model_dir: str | Path | None, sampler: str = AUTO
) -> float:
    """The temperature a run samples at: the one given (a flag, a config field), else the
    default above. The one rule every entry point (sample, solve, eval, replay) applies."""
    return given if given is not None else default_temperature(model_dir, sampler)

"""A model directory's alphasolve.json (alphasolve/model/settings.py): how it is read, how a
broken one is reported, and that the CLI samples at the model's temperature unless told
otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alphasolve.cli import build_parser
from alphasolve.cli.sample_cmd import build_config
from alphasolve.cli.solve_cmd import pipeline_config
from alphasolve.errors import AlphasolveError
from alphasolve.model.sampler import DEFAULT_MODEL_DIR, ModelError, SamplingConfig
from alphasolve.model.settings import (
    ModelSettings,
    default_temperature,
    read_settings,
)


def _write(directory: Path, text: str) -> Path:
    (directory / "alphasolve.json").write_text(text)
    return directory


def test_no_file_means_defaults_and_a_file_is_read(tmp_path: Path) -> None:
    assert read_settings(tmp_path) == ModelSettings()  # a model of one's own, statement as is
    _write(tmp_path, '{"literal_placeholders": true}')
    assert read_settings(tmp_path) == ModelSettings(literal_placeholders=True)
    _write(tmp_path, '{"literal_placeholders": false, "temperature": 1}')
    assert read_settings(tmp_path) == ModelSettings(False, 1.0)


def test_settings_round_trip_through_the_file(tmp_path: Path) -> None:
    for settings in (ModelSettings(), ModelSettings(True, 0.8), ModelSettings(True, 0.0)):
        assert read_settings(_write(tmp_path, settings.to_json())) == settings


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", r"alphasolve\.json: not readable JSON"),
        ("[true]", "must be a JSON object"),
        ('{"literal_placeholders": "yes"}', "'literal_placeholders' must be true or false"),
        ('{"temperture": 0.8}', r"unknown field 'temperture' \(known: literal_placeholders, "),
        ('{"temperature": "hot"}', "'temperature' must be a number >= 0"),
        ('{"temperature": -0.5}', "'temperature' must be a number >= 0"),
        ('{"temperature": true}', "'temperature' must be a number >= 0"),
    ],
)
def test_a_broken_file_is_one_line_naming_file_and_field(
    tmp_path: Path, text: str, message: str
) -> None:
    _write(tmp_path, text)
    with pytest.raises(ModelError, match=message) as caught:
        read_settings(tmp_path)
    assert str(tmp_path / "alphasolve.json") in str(caught.value)
    assert "\n" not in str(caught.value)


def test_default_temperature_is_the_models_else_the_samplers(tmp_path: Path) -> None:
    assert default_temperature(tmp_path, "seq2seq") == SamplingConfig.temperature
    _write(tmp_path, '{"temperature": 0.9}')
    assert default_temperature(tmp_path, "seq2seq") == 0.9
    assert default_temperature(tmp_path, "causal") == 0.9  # any backend with a model
    # The fake sampler has no model, so no model settings.
    assert default_temperature(tmp_path, "fake") == SamplingConfig.temperature
    # No --model: the shipped model's own setting.
    shipped = json.loads((DEFAULT_MODEL_DIR / "alphasolve.json").read_text())
    assert default_temperature(None) == shipped.get("temperature", SamplingConfig.temperature)


def test_a_model_directory_missing_here_is_said_not_silent(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A Ray driver may lack the directory its actors load: the fallback is named, once.
    missing = tmp_path / "on-the-workers-only"
    with caplog.at_level("WARNING", logger="alphasolve.model.settings"):
        assert default_temperature(missing) == SamplingConfig.temperature
    assert len(caplog.records) == 1
    assert str(missing) in caplog.text and "--temperature" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="alphasolve.model.settings"):
        args = build_parser().parse_args(
            ["solve", "p", "--out", "r", "--model", str(missing), "--temperature", "0.7"]
        )
        assert pipeline_config(args).temperature == 0.7  # given: nothing to say
        _write(tmp_path, '{"temperature": 0.9}')
        assert default_temperature(tmp_path, "seq2seq") == 0.9
    assert caplog.records == []


def test_cli_samples_at_the_models_temperature_unless_given(tmp_path: Path) -> None:
    model = _write(tmp_path, '{"temperature": 0.9}')
    (tmp_path / "config.json").write_text('{"is_encoder_decoder": true}')  # --sampler auto reads it
    parser = build_parser()
    for command in (["solve", "p", "--out", "r"], ["eval", "p", "--out", "r"]):
        args = parser.parse_args([*command, "--model", str(model)])
        assert pipeline_config(args).temperature == 0.9
        args = parser.parse_args([*command, "--model", str(model), "--temperature", "0.3"])
        assert pipeline_config(args).temperature == 0.3
    args = parser.parse_args(["sample", "p", "--samples", "1", "--out", "r", "--model", str(model)])
    assert build_config(args).temperature == 0.9
    args = parser.parse_args(
        ["sample", "p", "--samples", "1", "--out", "r", "--model", str(model), "--temperature", "0"]
    )
    assert build_config(args).temperature == 0.0
    args = parser.parse_args(["solve", "p", "--out", "r", "--temperature", "-1"])
    with pytest.raises(AlphasolveError, match="--temperature must be >= 0"):
        pipeline_config(args)
    _write(tmp_path, '{"temperature": "hot"}')
    args = parser.parse_args(["solve", "p", "--out", "r", "--model", str(model)])
    with pytest.raises(AlphasolveError, match="'temperature' must be a number"):
        pipeline_config(args)

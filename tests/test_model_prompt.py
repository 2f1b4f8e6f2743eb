"""The prompt format, the random sampling metadata, the language split and prompt groups."""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

import pytest

from alphasolve.model.prompt import (
    CORRECT,
    INCORRECT,
    RATINGS,
    TAGS,
    TEST_INPUT,
    LanguageSplit,
    PromptMeta,
    draw_meta,
    solution_prompt,
    training_meta,
)
from alphasolve.model.prompt import (
    test_input_prompt as input_prompt,
)
from alphasolve.model.sampler import SamplingConfig, derive_seed, plan_groups
from alphasolve.problem import Blob, Problem, TestCase


def problem() -> Problem:
    return Problem(
        id="sum",
        name="Sum",
        statement="Print a + b.",
        input_spec="Two integers a and b.",
        output_spec="Their sum.",
        examples=(TestCase("1", Blob.of("1 2\n"), Blob.of("3\n")),),
        hidden_tests=(),
        time_limit=1.0,
        memory_limit=256,
        source_format="native",
        source_path=Path("sum"),
    )


def test_solution_prompt_python() -> None:
    meta = PromptMeta("python3", 1200, ("greedy", "math"))
    assert solution_prompt(problem(), meta) == (
        "# RATING: 1200\n# TAGS: greedy,math\n# LANGUAGE IS python3\n# CORRECT SOLUTION\n"
        "Sum\n\nPrint a + b.\n\nInput\nTwo integers a and b.\n\nOutput\nTheir sum.\n\n"
        "Example 1\nInput:\n1 2\nOutput:\n3\n"
    )


def test_solution_prompt_cpp_incorrect_without_rating_or_tags() -> None:
    text = solution_prompt(problem(), PromptMeta("cpp17", None, (), correct=False))
    assert text.startswith(f"// LANGUAGE IS cpp17\n// {INCORRECT}\nSum\n")


def test_training_meta_uses_the_truth() -> None:
    prob = dataclasses.replace(problem(), rating=1300, tags=("math", "number theory"))
    text = solution_prompt(prob, training_meta(prob, "cpp17", correct=False))
    assert text.startswith(
        f"// RATING: 1300\n// TAGS: math,number theory\n// LANGUAGE IS cpp17\n// {INCORRECT}\n"
    )


def test_multi_word_tags_keep_their_spaces() -> None:
    text = solution_prompt(problem(), PromptMeta("python3", 800, ("binary search", "dp")))
    assert "# TAGS: binary search,dp\n" in text


def test_test_input_prompt() -> None:
    assert input_prompt(problem()) == f"{TEST_INPUT}\n{problem().full_statement()}"
    assert CORRECT not in input_prompt(problem())


def test_draw_meta_ranges_and_determinism() -> None:
    split = LanguageSplit.parse("python3:0.5,cpp17:0.5")
    metas = [draw_meta(random.Random(i), split) for i in range(300)]
    assert {m.rating for m in metas} <= set(RATINGS) and len({m.rating for m in metas}) > 20
    assert min(m.rating for m in metas) >= 800 and max(m.rating for m in metas) <= 3500
    assert all(1 <= len(m.tags) <= 3 and set(m.tags) <= set(TAGS) for m in metas)
    assert all(list(m.tags) == sorted(m.tags) for m in metas)
    assert {m.language for m in metas} == {"python3", "cpp17"}
    assert all(m.correct for m in metas)
    assert draw_meta(random.Random(5), split) == draw_meta(random.Random(5), split)


@pytest.mark.parametrize(
    ("spec", "languages", "weights"),
    [
        ("python3:0.5,cpp17:0.5", ("python3", "cpp17"), (0.5, 0.5)),
        ("cpp17", ("cpp17",), (1.0,)),
        (" python3 : 3 , cpp17:1 ", ("python3", "cpp17"), (0.75, 0.25)),
    ],
)
def test_language_split_parse(spec: str, languages: tuple, weights: tuple) -> None:
    split = LanguageSplit.parse(spec)
    assert split.languages == languages and split.weights == pytest.approx(weights)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("java:1", "unknown language 'java'"),
        ("python3:abc", "is not a number"),
        ("python3:0", "must be positive"),
        ("python3:-1,cpp17:1", "must be positive"),
        ("python3:1,python3:1", "appears twice"),
        ("", "unknown language ''"),
        ("python3:nan", "must be positive"),
    ],
)
def test_language_split_errors(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        LanguageSplit.parse(spec)


def test_language_split_draws_follow_weights() -> None:
    split = LanguageSplit.parse("python3:0.8,cpp17:0.2")
    rng = random.Random(0)
    share = sum(split.draw(rng) == "python3" for _ in range(5000)) / 5000
    assert 0.77 < share < 0.83


def test_sampling_config_validation() -> None:
    with pytest.raises(ValueError, match="temperature"):
        SamplingConfig(temperature=-1)
    with pytest.raises(ValueError, match="top_p"):
        SamplingConfig(top_p=0)
    with pytest.raises(ValueError, match="dtype"):
        SamplingConfig(dtype="float16")


def test_plan_groups_sizes_seeds_and_prefix_stability() -> None:
    config = SamplingConfig(samples_per_prompt=16)
    groups = plan_groups(40, 7, config)
    assert [g.size for g in groups] == [16, 16, 8]
    assert len({g.seed for g in groups}) == 3
    assert plan_groups(40, 7, config) == groups
    assert plan_groups(20, 7, config)[0] == groups[0]  # group g depends on (seed, g) only
    assert plan_groups(40, 8, config) != groups


def test_derive_seed_is_stable_across_processes() -> None:
    import subprocess

    code = "from alphasolve.model.sampler import derive_seed; print(derive_seed(3, 'p', 1))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == derive_seed(3, "p", 1) < 2**63


def test_importing_the_package_does_not_import_torch() -> None:
    import subprocess

    code = (
        "import sys, alphasolve.model, alphasolve.model.sampler, alphasolve.model.fake;"
        "from alphasolve.cli import sample_cmd;"
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]

"""What the held-out splits hold out: whole compositions and whole phrasing templates.

These sets are constants, not drawn from the seed, so a train split generated with any
seed is disjoint from the committed valid/test splits. Each held-out piece is seen in
train in other combinations (the shape with other operations, the operation on other
shapes, each filter alone and in other pairs, each map before other aggregates), so
solving a held-out problem means combining known pieces in a new way.
"""

from __future__ import annotations

from collections.abc import Iterable

Meaning = tuple[str, str, str, tuple[str, ...]]

KINDS = ("unseen_shape_op", "nested_filter", "map_then_aggregate", "unseen_template")

SHAPE_OP: frozenset[tuple[str, str]] = frozenset(
    {
        ("multi_array", "f_div"),
        ("grid_int", "a_max"),
        ("triple", "a_count"),
        ("grid_rows", "a_min"),
        ("pair", "f_odd"),
        ("grid_int", "f_lt"),
        ("multi_array", "q_kadane"),
        ("multi_array", "q_kth_small"),
        ("multi_string", "s_palindrome"),
        ("grid_char", "c_vowel"),
        ("string", "ca_last"),
        ("multi_int", "n_digit_sum"),
        ("multi_pair", "n_make_div"),
    }
)
NESTED: frozenset[tuple[str, str]] = frozenset(
    {
        ("f_even", "f_gt"),
        ("f_div", "f_le"),
        ("f_lt", "f_odd"),
        ("f_ndiv", "f_ne"),
        ("f_ge", "f_modr"),
        ("f_ge", "f_lt"),
        ("c_after", "c_vowel"),
        ("c_cons", "c_ne"),
    }
)
MAP_AGG: frozenset[tuple[str, str]] = frozenset(
    {
        ("m_sq", "a_sum"),
        ("m_abs", "a_max"),
        ("m_mod", "a_min"),
        ("m_add", "a_list"),
        ("m_lastdig", "a_distinct"),
        ("m_mul", "a_prodmod"),
        ("m_cap", "a_sum"),
        ("m_sub", "q_kadane"),
        ("m_sq", "q_kth_large"),
        ("cm_shift", "ca_keep"),
        ("cm_replace", "s_palindrome"),
    }
)
# Blocks added after the valid and test splits were committed, so that each held-out
# map-then-aggregate pair has both halves in train in the same family: before them the
# palindrome check followed no map at all in train (its only non-bijective map was the
# held-out one) and the shift appeared in no letter pipeline (its only aggregates there were
# the held-out ca_keep and ca_distinct, which a bijection cannot change). Only train draws
# them, and no held-out pool holds them, so the committed splits stay exactly what their
# seed writes and earlier measurements on them stay comparable.
TRAIN_ONLY_BLOCKS: frozenset[str] = frozenset({"cm_vowel", "ca_sorted"})


def drawable(blocks: Iterable[str], train_only: bool) -> list[str]:
    """The blocks a draw may pick from: all for train, none of TRAIN_ONLY_BLOCKS otherwise
    (kept in their order, so the held-out splits' draws are what they were)."""
    return [b for b in blocks if train_only or b not in TRAIN_ONLY_BLOCKS]


# Story, input-section and output-section templates never used in train (ids from render.py).
TEMPLATES: frozenset[str] = frozenset(
    {
        "story_ints_6",
        "story_ints_7",
        "story_small_2",
        "story_table_2",
        "story_str_3",
        "story_lgrid_2",
        "story_cgrid_2",
        "story_igrid_2",
        "story_int_2",
        "story_pair_2",
        "story_triple_2",
        "in_seq_2",
        "in_grid_2",
        "in_str_2",
        "in_num_2",
        "out_int_3",
        "out_yesno_3",
        "out_list_3",
        "out_str_3",
    }
)


def composition_kinds(m: Meaning) -> list[str]:
    """The composition hold-out kinds this meaning falls under (empty: allowed in train)."""
    _, shape, _, blocks = m
    kinds = []
    if any((shape, b) in SHAPE_OP for b in blocks):
        kinds.append("unseen_shape_op")
    filters = sorted(b for b in blocks if b.startswith(("f_", "c_")))
    # any two of the filters: a train-only chain of three must not hold a held-out pair
    if any((a, b) in NESTED for i, a in enumerate(filters) for b in filters[i + 1 :]):
        kinds.append("nested_filter")
    maps = [b for b in blocks if b.startswith(("m_", "cm_"))]
    if maps and (maps[0], blocks[-1]) in MAP_AGG:
        kinds.append("map_then_aggregate")
    return kinds


def template_kinds(template_ids: Iterable[str]) -> list[str]:
    return ["unseen_template"] if any(t in TEMPLATES for t in template_ids) else []

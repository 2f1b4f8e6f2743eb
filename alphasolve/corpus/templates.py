"""Statement templates: stories per input shape, input / output sections, names.

Every template has an id (the key, or "in_<group>_<i>" / "out_<form>_<i>" for a section
template); holdout.TEMPLATES lists the ids only held-out problems may use.
"""

from __future__ import annotations

NAMES = (
    "Alice",
    "Bob",
    "Mira",
    "Petya",
    "Nadia",
    "Omar",
    "Lena",
    "Kirill",
    "Sofia",
    "Tariq",
    "Yuki",
    "Arjun",
    "Elif",
    "Marek",
    "Ines",
    "Dana",
    "Hugo",
    "Zara",
)
PLACES = (
    "the old town",
    "Byteland",
    "the valley",
    "a small village",
    "the harbour",
    "the desert",
    "Flatland",
)
ADJ = (
    "Lucky",
    "Tidy",
    "Quiet",
    "Bright",
    "Heavy",
    "Odd",
    "Careful",
    "Sunny",
    "Hidden",
    "Little",
    "Busy",
    "Clever",
)

# story id -> (text, singular, plural, value word)
STORIES: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "ints": {
        "story_ints_0": (
            "You are given a sequence of n integers a_1, a_2, ..., a_n.",
            "number",
            "numbers",
            "value",
        ),
        "story_ints_1": (
            "{name} has n cards in a row; the i-th card shows the number a_i.",
            "card",
            "cards",
            "number",
        ),
        "story_ints_2": (
            "There are n towers in {place}. The height of the i-th tower is a_i.",
            "tower",
            "towers",
            "height",
        ),
        "story_ints_3": (
            "{name} wrote down the temperature for n days: it was a_i degrees on day i.",
            "day",
            "days",
            "temperature",
        ),
        "story_ints_4": (
            "A shop sells n items, and the i-th item costs a_i coins.",
            "item",
            "items",
            "price",
        ),
        "story_ints_5": (
            "{name} weighed n boxes; the i-th box weighs a_i grams.",
            "box",
            "boxes",
            "weight",
        ),
        "story_ints_6": (
            "In {place} n robots stand in a line, and robot i carries a charge of a_i.",
            "robot",
            "robots",
            "charge",
        ),
        "story_ints_7": (
            "An old scroll lists n integers; the i-th of them is a_i.",
            "number",
            "numbers",
            "value",
        ),
    },
    "small": {
        "story_small_0": ("You are given {count} integers {vars}.", "number", "numbers", "value"),
        "story_small_1": (
            "{name} has {count} piles of stones with {vars} stones in them.",
            "pile",
            "piles",
            "size",
        ),
        "story_small_2": ("{name} picked {count} numbers: {vars}.", "number", "numbers", "value"),
    },
    "table": {
        "story_table_0": (
            "You are given a table with n rows and m columns; every cell contains an integer.",
            "cell",
            "cells",
            "value",
        ),
        "story_table_1": (
            "A field is divided into n × m plots, and every plot has an integer fertility.",
            "plot",
            "plots",
            "fertility",
        ),
        "story_table_2": (
            "A warehouse has n shelves with m boxes on each; every box holds some number of items.",
            "box",
            "boxes",
            "amount",
        ),
    },
    "str": {
        "story_str_0": (
            "You are given a string s of lowercase English letters.",
            "position",
            "positions",
            "letter",
        ),
        "story_str_1": (
            "{name} typed a password s made of lowercase letters.",
            "position",
            "positions",
            "letter",
        ),
        "story_str_2": (
            "A message s written in lowercase letters arrived from {place}.",
            "position",
            "positions",
            "letter",
        ),
        "story_str_3": (
            "A parrot keeps repeating the word s, which consists of lowercase letters.",
            "position",
            "positions",
            "letter",
        ),
    },
    "lgrid": {
        "story_lgrid_0": (
            "You are given a grid of n rows and m columns; every cell contains a lowercase letter.",
            "cell",
            "cells",
            "letter",
        ),
        "story_lgrid_1": (
            "{name} drew an n × m board and wrote a lowercase letter in every cell.",
            "cell",
            "cells",
            "letter",
        ),
        "story_lgrid_2": (
            "A crossword of n rows and m columns is completely filled with lowercase letters.",
            "cell",
            "cells",
            "letter",
        ),
    },
    "cgrid": {
        "story_cgrid_0": (
            "You are given a map of n rows and m columns. Each cell is either free ('.') or blocked ('#').",
            "",
            "",
            "",
        ),
        "story_cgrid_1": (
            "{name}'s garden is an n × m grid; '#' marks a bush and '.' marks grass.",
            "",
            "",
            "",
        ),
        "story_cgrid_2": (
            "A parking lot is drawn as n rows of m characters: '#' is a parked car and '.' is an empty place.",
            "",
            "",
            "",
        ),
    },
    "igrid": {
        "story_igrid_0": (
            "You are given a table of integers with n rows and m columns.",
            "",
            "",
            "",
        ),
        "story_igrid_1": (
            "A city map is an n × m grid, and the number in each cell is the height of that block.",
            "",
            "",
            "",
        ),
        "story_igrid_2": ("{name} filled an n × m spreadsheet with integers.", "", "", ""),
    },
    "int": {
        "story_int_0": ("You are given a positive integer n.", "", "", ""),
        "story_int_1": ("{name} thinks of a number n.", "", "", ""),
        "story_int_2": ("A calculator shows the number n.", "", "", ""),
    },
    "pair": {
        "story_pair_0": ("You are given two integers a and b.", "", "", ""),
        "story_pair_1": ("{name} wrote two numbers a and b on a card.", "", "", ""),
        "story_pair_2": ("Two integers a and b are printed on a ticket.", "", "", ""),
    },
    "triple": {
        "story_triple_0": ("You are given three integers a, b and c.", "", "", ""),
        "story_triple_1": ("{name} has three sticks of lengths a, b and c.", "", "", ""),
        "story_triple_2": ("Three numbers a, b and c are written on the board.", "", "", ""),
    },
}
# Stories whose quantities cannot be negative (heights, prices, weights, amounts).
NONNEG_STORIES = frozenset(
    {
        "story_ints_2",
        "story_ints_4",
        "story_ints_5",
        "story_table_1",
        "story_table_2",
        "story_small_1",
        "story_igrid_1",
    }
)
STORY_GROUP = {
    "array": "ints",
    "multi_array": "ints",
    "pair": "small",
    "triple": "small",
    "grid_int": "table",
    "grid_rows": "table",
    "string": "str",
    "multi_string": "str",
    "grid_char": "lgrid",
    "cgrid": "cgrid",
    "igrid": "igrid",
    "int": "int",
    "multi_int": "int",
    "num_pair": "pair",
    "multi_pair": "pair",
    "num_triple": "triple",
}
IN_GROUP = {
    "array": "seq",
    "multi_array": "seq",
    "grid_int": "grid",
    "grid_rows": "grid",
    "igrid": "grid",
    "cgrid": "grid",
    "grid_char": "grid",
    "string": "str",
    "multi_string": "str",
}  # others: num

IN_TEMPLATES = {
    "seq": (
        "The first line contains {nk}. The second line contains n integers a_1, a_2, ..., a_n ({ac}).",
        "The first line holds {nk}. The next line holds the numbers a_1, ..., a_n ({ac}).",
        "You are given {nk} on the first line and n integers a_i ({ac}) on the second.",
    ),
    "grid": (
        "The first line contains two integers n and m ({nc}). Each of the next n lines contains {row}.",
        "The first line holds the sizes n and m ({nc}). Then n lines follow, each containing {row}.",
        "You are given n and m ({nc}) on the first line and then n lines, each with {row}.",
    ),
    "str": (
        "The only line contains the string s ({lc}), consisting of lowercase English letters.",
        "The input is one line with a string s of lowercase letters ({lc}).",
        "You are given s ({lc}) on a single line; it contains only lowercase English letters.",
    ),
    "num": (
        "The only line contains {what} ({vc}).",
        "The input consists of {what} ({vc}).",
        "You are given {what} ({vc}) on a single line.",
    ),
}
# The same template ids, worded for inputs made of t test cases.
MULTI_TEMPLATES = {
    "seq": (
        "The first line of each test case contains {nk}. The second line contains n integers a_1, a_2, ..., a_n ({ac}).",
        "Each test case starts with a line holding {nk}, followed by a line with the numbers a_1, ..., a_n ({ac}).",
        "Each test case gives {nk} on one line and n integers a_i ({ac}) on the next.",
    ),
    "str": (
        "Each of the next t lines contains a string s of lowercase English letters ({lc}).",
        "Then t lines follow; each holds one string s of lowercase letters ({lc}).",
        "Each test case is a single line with a string s ({lc}) of lowercase English letters.",
    ),
    "num": (
        "Each of the next t lines contains {what} ({vc}).",
        "Then t lines follow; each holds {what} ({vc}).",
        "Each test case is a single line with {what} ({vc}).",
    ),
}
OUT_TEMPLATES = {
    "int": (
        "Print one integer — the answer.",
        "Print a single integer.",
        "Output the answer.",
        "Write the answer as a single number.",
    ),
    "yesno": (
        "Print YES if the answer is positive and NO otherwise.",
        "Print YES or NO.",
        "Output YES or NO.",
        "Answer with the word YES or the word NO.",
    ),
    "list": (
        "Print the values in one line, separated by spaces.",
        "Output the numbers separated by spaces.",
        "Print them on a single line.",
        "Write all the values on one line with spaces between them.",
    ),
    "str": (
        "Print the resulting string.",
        "Output the answer string.",
        "Print the answer on a single line.",
        "Write the answer as one word.",
    ),
}

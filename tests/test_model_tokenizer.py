"""The BPE tokenizer: constants tokenize alike in statement and code, text round-trips, and
the saved directory loads with AutoTokenizer offline."""

from __future__ import annotations

import pytest

pytest.importorskip("tokenizers")
transformers = pytest.importorskip("transformers")

from alphasolve.model.prompt import CORRECT, INCORRECT, TEST_INPUT  # noqa: E402
from alphasolve.model.tokenizer import EOS_ID, PAD_ID, UNK_ID, load_tokenizer, train_tokenizer  # noqa: E402

TEXTS = [
    "You are given n integers a_1, ..., a_n. Print how many of them are divisible by 15.\n",
    "n = int(input())\nprint(sum(1 for x in map(int, input().split()) if x % 15 == 0))\n",
    "Count the letters of s that are equal to 'e'. Then count the letter q.\n",
    "s = input()\nprint(s.count('e') + s.count(\"q\"))\n",
    "#include <bits/stdc++.h>\nusing namespace std;\nint main() {\n    int n; cin >> n;\n"
    "    long long total = 0;\n    for (int i = 0; i < n; i++) { int x; cin >> x; total += x; }\n"
    "    cout << total << endl;\n}\n",
    f"# RATING: 1200\n# TAGS: greedy,math\n# LANGUAGE IS python3\n# {CORRECT}\n",
] * 20


@pytest.fixture(scope="module")
def tok():
    return train_tokenizer(TEXTS, vocab_size=320)


def pieces(tok, text: str) -> list[int]:
    return tok(text, add_special_tokens=False).input_ids


def contains(haystack: list[int], needle: list[int]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack)))


def test_special_ids_follow_t5(tok) -> None:
    assert (tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (PAD_ID, EOS_ID, UNK_ID)
    assert tok("x = 1").input_ids[-1] == EOS_ID  # encoder inputs and labels end with </s>
    assert len(tok) == 320


@pytest.mark.parametrize("number", ["15", "7", "1000000007", "998244353", "0", "42"])
def test_numbers_tokenize_alike_in_statement_and_code(tok, number: str) -> None:
    digits = pieces(tok, number)
    assert len(digits) == len(number)  # one token per digit
    for context in (
        f"divisible by {number}.",
        f"at most {number} coins",
        f"x % {number} == 0",
        f"if a[i]>{number}:",
        f"(x+{number})",
        f"mod = {number};",
        f"n={number}\n",
    ):
        assert contains(pieces(tok, context), digits), context


@pytest.mark.parametrize("letter", ["a", "e", "s", "t", "z"])
def test_letters_tokenize_alike_quoted_or_not(tok, letter: str) -> None:
    (token,) = pieces(tok, letter)
    for context in (
        f"equal to '{letter}'.",
        f"the letter {letter} appears",
        f"s.count('{letter}')",
        f'c == "{letter}"',
        f"if (c == '{letter}') cnt++;",
        f"letter {letter}, then",
    ):
        assert token in pieces(tok, context), context


def test_markers_are_single_tokens_and_text(tok) -> None:
    for marker in (CORRECT, INCORRECT, TEST_INPUT):
        assert len(pieces(tok, marker)) == 1
    ids = pieces(tok, f"// {INCORRECT}\n")
    assert tok.decode(ids, skip_special_tokens=True) == f"// {INCORRECT}\n"


@pytest.mark.parametrize(
    "text",
    [
        TEXTS[1],
        TEXTS[4],
        "x  =  1 ,  y\t\tz\n\n\n    return  ( a , b )\n",
        "print('héllo — 世界')\n",
    ],
)
def test_decode_round_trips_exactly(tok, text: str) -> None:
    assert tok.decode(tok(text).input_ids, skip_special_tokens=True) == text


def test_save_and_load_offline(tok, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    tok.save_pretrained(tmp_path)
    assert (tmp_path / "tokenizer.json").is_file()
    loaded = load_tokenizer(tmp_path)
    again = transformers.AutoTokenizer.from_pretrained(tmp_path, local_files_only=True)
    for text in TEXTS[:6]:
        assert loaded(text).input_ids == tok(text).input_ids == again(text).input_ids
    assert loaded.pad_token_id == PAD_ID and loaded.eos_token_id == EOS_ID
    assert loaded.decode(loaded(TEXTS[3]).input_ids, skip_special_tokens=True) == TEXTS[3]

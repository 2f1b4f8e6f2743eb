"""Table-driven tests of the built-in checkers (pure functions)."""

from __future__ import annotations

import random
import re
import time

import pytest

from judges.checkers import CheckerKind, CheckerSpec, builtin, builtin_check, output_digest_tokens

TOKENS = CheckerSpec()
NOCASE = CheckerSpec(case_sensitive=False)
FLOATS = CheckerSpec(CheckerKind.FLOATS, abs_tol=1e-6, rel_tol=1e-6)
EXACT = CheckerSpec(CheckerKind.EXACT)

CASES = [
    # (spec, output, answer, accepted)
    (TOKENS, b"3\n", b"3\n", True),
    (TOKENS, b"3", b"3\n", True),  # missing final newline
    (TOKENS, b"3\r\n4\r\n", b"3\n4\n", True),  # CRLF
    (TOKENS, b"3   \n4\t\n\n\n", b"3 4", True),  # trailing spaces, blank lines
    (TOKENS, b"1 2 3", b"1\n2\n3\n", True),  # line structure ignored
    (TOKENS, b"YES", b"yes", False),  # case sensitive by default
    (NOCASE, b"YES", b"yes", True),
    (NOCASE, b"Yes no", b"yes NO", True),
    (TOKENS, b"-0", b"0", True),  # integers compared as integers
    (TOKENS, b"+7", b"7", True),
    (TOKENS, b"007", b"7", True),
    (TOKENS, b"1234567890123456789", b"1234567890123456788", False),  # 19 digits, off by one
    (TOKENS, b"1234567890123456789", b"1234567890123456789", True),
    (TOKENS, b"9" * 100 + b"8", b"9" * 101, False),
    (TOKENS, b"3 4", b"3", False),  # extra output
    (TOKENS, b"", b"3", False),
    (TOKENS, b"", b"", True),
    (TOKENS, b"\xff\xfe\x00\n", b"1\n", False),  # binary output does not crash the checker
    (TOKENS, b"1.0", b"1", False),  # tokens: a float is not the integer
    (FLOATS, b"1.0000001", b"1.0", True),
    (FLOATS, b"1.00001", b"1.0", False),
    (FLOATS, b"1e-7", b"0.0000001", True),  # exponent notation
    (FLOATS, b"-0.0", b"0.0", True),
    (FLOATS, b"1000000.9", b"1000000.0", True),  # relative tolerance
    (FLOATS, b"nan", b"1.5", False),  # NaN never equals a number
    (FLOATS, b"nan", b"nan", True),
    (FLOATS, b"inf", b"1e308", False),
    (FLOATS, b"abc", b"1.5", False),
    (FLOATS, b"2", b"2.0000000001", True),  # integer output for a float answer
    (FLOATS, b"1234567890123456789", b"1234567890123456788", False),  # big ints stay exact
    (FLOATS, b"YES 1.5", b"yes 1.5", False),
    (EXACT, b"a b\r\n", b"a b\n", True),
    (EXACT, b"a b", b"a b\n", True),  # final newline normalised
    (EXACT, b"a  b\n", b"a b\n", False),  # whitespace matters
    (EXACT, b"a b \n", b"a b\n", False),
]


@pytest.mark.parametrize(("spec", "output", "answer", "accepted"), CASES)
def test_builtin_checkers(spec: CheckerSpec, output: bytes, answer: bytes, accepted: bool) -> None:
    result = builtin_check(spec, output, answer)
    assert result.ok is accepted, result.message
    if not accepted:
        assert result.message  # a failure always says why


def test_giant_token_is_bounded() -> None:
    giant = b"9" * 50_000_000
    start = time.perf_counter()
    assert not builtin_check(TOKENS, giant, b"42").ok
    assert not builtin_check(FLOATS, giant, b"42.5").ok
    assert builtin_check(TOKENS, giant, giant).ok
    assert time.perf_counter() - start < 5


def test_many_tokens_are_bounded() -> None:
    many = b"1 " * 10_000_000
    start = time.perf_counter()
    result = builtin_check(TOKENS, many, b"1")
    assert not result.ok and "extra output" in result.message
    assert time.perf_counter() - start < 5


def test_digest_ignores_whitespace_only() -> None:
    assert output_digest_tokens(b"1  2\r\n3\n") == output_digest_tokens(b"1 2 3")
    assert output_digest_tokens(b"1 2 3") != output_digest_tokens(b"1 2 4")


def test_digest_is_whitespace_runs_collapsed_across_chunk_borders(monkeypatch) -> None:
    """The chunked digest equals the plain definition (every whitespace run -> one space,
    none at the ends) wherever the chunk borders fall, tokens cut by none."""
    rng = random.Random(0)
    cases = [b"", b"  ", b"1", b" 1 ", b"1  2\r\n3\n", b"\t\x0b\x0ca\x0cb\x0b", b"abcdefgh ij"]
    cases += [
        bytes(rng.choice(b"ab1 \t\n\r\x0b\x0c") for _ in range(rng.randint(0, 60)))
        for _ in range(300)
    ]
    for chunk in (1, 3, 4, 1 << 20):
        monkeypatch.setattr(builtin, "_DIGEST_CHUNK", chunk)
        for c in cases:
            assert output_digest_tokens(c) == re.sub(rb"\s+", b" ", c).strip(), (chunk, c)

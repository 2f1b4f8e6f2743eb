"""Table-driven tests of the testlib std:: checkers (judges/checkers/testlib_std.py).

Each row is what testlib's checker of that name does with the output and answer, read from
testlib's sources: canonical integers for ncmp, lines for lcmp/fcmp, doubleCompare for rcmp."""

from __future__ import annotations

import time

import pytest

from judges.checkers import CheckerFailure, CheckerKind, CheckerSpec, builtin_check
from judges.checkers.testlib_std import double_compare

WCMP = CheckerSpec(CheckerKind.WCMP)
NCMP = CheckerSpec(CheckerKind.NCMP)
LCMP = CheckerSpec(CheckerKind.LCMP)
FCMP = CheckerSpec(CheckerKind.FCMP)
HCMP = CheckerSpec(CheckerKind.HCMP)
RCMP4 = CheckerSpec(CheckerKind.RCMP, abs_tol=1e-4)
RCMP6 = CheckerSpec(CheckerKind.RCMP, abs_tol=1e-6)
RCMP9 = CheckerSpec(CheckerKind.RCMP, abs_tol=1e-9)
YESNO = CheckerSpec(CheckerKind.YESNO)
NYESNO = CheckerSpec(CheckerKind.NYESNO)

CASES = [
    # (checker, output, answer, accepted)
    (WCMP, b"hello  world\r\n", b"hello world\n", True),
    (WCMP, b"1 2 3", b"1\n2\n3\n", True),  # lines do not matter
    (WCMP, b"007", b"7", False),  # words, not numbers
    (WCMP, b"Hello", b"hello", False),  # case matters
    (WCMP, b"a b", b"a", False),  # extra word
    (WCMP, b"a", b"a b", False),  # missing word
    (WCMP, b"a\x0bb", b"a b", False),  # a vertical tab is not a blank in testlib
    (WCMP, b"", b"", True),
    (WCMP, b"\n\n  ", b"", True),
    (NCMP, b"1 -2 3\n", b"1 -2 3", True),
    (
        NCMP,
        b"9223372036854775807 -9223372036854775808",
        b"9223372036854775807 -9223372036854775808",
        True,
    ),
    (NCMP, b"9223372036854775808", b"1", False),  # beyond int64
    (NCMP, b"10 0 100 -100\n", b"10\n0\n100\n-100\n", True),
    (NCMP, b"007", b"7", False),  # leading zeros are not an integer
    (NCMP, b"+7", b"7", False),  # nor is a plus sign
    (NCMP, b"-0", b"0", False),  # nor minus zero
    (NCMP, b"1.0", b"1", False),
    (NCMP, b"1 2", b"1 2 3", False),
    (NCMP, b"1 2 3", b"1 2", False),
    (NCMP, b"1 2 x", b"1 2", False),
    (NCMP, b"7\x00junk", b"7", True),  # testlib parses numbers as C strings
    (LCMP, b"1  2\n3\n", b"1 2\n3\n", True),  # tokens within lines
    (LCMP, b"1 2 3\n", b"1 2\n3\n", False),  # but lines matter
    (LCMP, b"1 2\r\n3\r\n\r\n\n", b"1 2\n3\n", True),  # CRLF and trailing blank lines
    (LCMP, b"1 2\n3\n4\n", b"1 2\n3\n", False),  # extra line
    (LCMP, b"1 2\n", b"1 2\n3\n", False),
    (LCMP, b"a\n\nb\n", b"a\n\nb\n", True),
    (LCMP, b"a\nb\n", b"a\n\nb\n", False),  # an empty line is a line
    (FCMP, b"a b\n", b"a b\n", True),
    (FCMP, b"a b\r\n", b"a b\n", True),
    (FCMP, b"a  b\n", b"a b\n", False),
    (FCMP, b"a b \n", b"a b\n", False),
    (FCMP, b"a b", b"a b\n", True),  # no final newline
    (FCMP, b"a b\n\n\n", b"a b\n", True),  # blank lines after the answer's
    (FCMP, b"a\rb\n", b"ab\n", True),  # testlib drops a lone CR from a line
    (FCMP, b"a\rbc\n", b"ac\n", False),
    (HCMP, b"123456789012345678901234567890\n", b"123456789012345678901234567890", True),
    (HCMP, b"-5", b"-5", True),
    (HCMP, b"0005", b"5", False),
    (HCMP, b"-0", b"0", False),
    (HCMP, b"5 6", b"5", False),
    (HCMP, b"", b"5", False),
    (RCMP6, b"1.0000005", b"1", True),
    (RCMP6, b"1.000002", b"1", False),
    (RCMP6, b"1000000.5", b"1000000", True),  # relative error 5e-7
    (RCMP6, b"1e-7", b"0", True),
    (RCMP6, b"nan", b"1", False),  # testlib reads no nan or inf
    (RCMP6, b"inf", b"1e400", False),
    (RCMP6, b"1e400", b"1e400", True),  # overflowing exponents are infinities
    (RCMP6, b"0x1p0", b"1", False),
    (RCMP6, b"1e", b"1", False),
    (RCMP6, b".5", b"0.5", True),
    (RCMP6, b"+5.", b"5", True),
    (RCMP6, b"1 2", b"1", False),  # extra output
    (RCMP6, b"1", b"1 2", False),
    (RCMP4, b"3.14", b"3.14159", False),
    (RCMP4, b"3.1416", b"3.14159", True),
    (RCMP9, b"3.1415926", b"3.14159265358979", False),
    (RCMP9, b"3.141592654", b"3.14159265358979", True),
    (YESNO, b"yes\n", b"YES", True),
    (YESNO, b"No", b"NO\n", True),
    (YESNO, b"YES", b"NO", False),
    (YESNO, b"Yeah", b"YES", False),
    (YESNO, b"YES YES", b"YES", False),  # extra output
    (YESNO, b"", b"YES", False),
    (NYESNO, b"yes no YES", b"YES NO YES", True),
    (NYESNO, b"yes no", b"YES NO YES", False),
    (NYESNO, b"yes no no", b"YES NO YES", False),
    (NYESNO, b"yes maybe", b"YES NO", False),
]


@pytest.mark.parametrize(("spec", "output", "answer", "accepted"), CASES)
def test_testlib_checkers(spec: CheckerSpec, output: bytes, answer: bytes, accepted: bool) -> None:
    result = builtin_check(spec, output, answer)
    assert result.ok is accepted, result.message
    if not accepted:
        assert result.message


@pytest.mark.parametrize(
    ("spec", "output", "answer"),
    [
        (NCMP, b"7", b"007"),
        (NCMP, b"007", b"007"),  # identical output does not make the answer valid
        (NCMP, b"-0", b"-0"),
        (NCMP, b"9223372036854775808", b"9223372036854775808"),
        (NCMP, b"-9223372036854775809", b"-9223372036854775809"),
        (NCMP, b"1-2", b"1-2"),
        (RCMP6, b"nan", b"nan"),
        (NCMP, b"1 2", b"1 x"),
        (NCMP, b"1", b"1 x"),  # the rest of the answer is still read
        (RCMP6, b"1", b"abc"),
        (HCMP, b"12", b"12 13"),
        (HCMP, b"12", b""),
        (YESNO, b"YES", b"MAYBE"),
        (NYESNO, b"YES YES", b"YES PERHAPS"),
    ],
)
def test_an_invalid_answer_is_a_checker_failure(
    spec: CheckerSpec, output: bytes, answer: bytes
) -> None:
    # testlib's FAIL: the jury's fault, which the judge reports as JE, not the program's WA
    with pytest.raises(CheckerFailure, match="answer is invalid"):
        builtin_check(spec, output, answer)


@pytest.mark.parametrize(
    ("expected", "result", "eps", "close"),
    [
        (1.0, 1.0 + 1e-6, 1e-6, True),  # testlib adds 1e-15 to eps
        (1.0, 1.0 + 1.1e-6, 1e-6, False),
        (-1e6, -1e6 * (1 + 1e-6), 1e-6, True),  # relative, for negative numbers too
        (1e301, float("inf"), 1e-6, True),  # above 1e300 is "infinite" to testlib
        (-1e301, float("inf"), 1e-6, False),
        (float("nan"), float("nan"), 1e-6, True),
        (0.0, float("nan"), 1e-6, False),
    ],
)
def test_double_compare(expected: float, result: float, eps: float, close: bool) -> None:
    assert double_compare(expected, result, eps) is close


def test_hostile_outputs_stay_bounded() -> None:
    many = b"1 " * 10_000_000
    giant = b"9" * 40_000_000
    start = time.perf_counter()
    for spec in (WCMP, NCMP, RCMP6, LCMP, FCMP):
        assert not builtin_check(spec, many, b"1\n").ok
    assert not builtin_check(NYESNO, b"YES " * 10_000_000, b"YES\n").ok
    assert not builtin_check(WCMP, giant, giant).ok  # a token over testlib's 32 MiB
    assert time.perf_counter() - start < 10

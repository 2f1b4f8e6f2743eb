"""testlib's standard checkers (Polygon's `std::wcmp.cpp`, `std::ncmp.cpp`, ...) as pure functions.

Each reproduces what the checker of the same name in testlib's `checkers/` directory accepts,
read through testlib's own stream rules rather than Python's:

* blanks are only space, tab, CR and LF (a vertical tab is part of a token);
* an integer (`readLong`) is canonical: `-?(0|[1-9][0-9]*)`, no `+`, no leading zeros, no
  `-0`, within signed 64 bits; a double (`readDouble`) is a plain decimal or exponent
  number: no `nan`, `inf` or hex, out-of-range exponents become infinities;
* numbers are parsed as C strings, so a NUL byte ends them;
* tokens longer than 32 MiB are a presentation error;
* a line (`readString`) ends at LF; a CR before the LF is dropped, a lone CR swallows itself;
* after an accepting verdict, anything but blanks left in the output rejects it (testlib's
  "extra information in the output file").

A wrong answer and a presentation error are both a rejection here (the judge reports WA); an
invalid jury answer (testlib's FAIL) raises CheckerFailure, which the judge reports as JE.
`uncmp` is left to the package's own checker: the testlib `uncmp.cpp` read for this stores
the 64-bit values it reads in a `vector<int>` (truncating them), and a package may ship that
or a corrected copy, so no single built-in matches every package.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from judges.checkers.builtin import CheckResult
from judges.checkers.spec import CheckerFailure, CheckerKind, CheckerSpec

__all__ = ["STD_CHECKERS", "double_compare"]

MAX_TOKEN = 32 * 2**20  # testlib's InStream::maxTokenLength
_NON_BLANK = re.compile(rb"[^ \t\r\n]+")
_INT64 = re.compile(rb"-?(?:0|[1-9][0-9]*)\Z")
_DOUBLE_TEXT = rb"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_DOUBLE = re.compile(_DOUBLE_TEXT + rb"\Z")
# Whole answers made only of numbers: one scan, for the common case of an output identical
# to the answer token for token.
_ALL_DOUBLES = re.compile(rb"[ \t\r\n]*(?:" + _DOUBLE_TEXT + rb"(?:[ \t\r\n]+|\Z))*\Z")
_BLANKS_TO_SPACE = bytes.maketrans(b"\t\r\n", b"   ")
_BAD_MINUS = re.compile(rb"-[-0 ]")  # a minus not followed by 1-9
_LEADING_ZERO = re.compile(rb" 0[0-9]")
_INT64_MAX = b"9223372036854775807"
_HUGE = re.compile(rb"(?:0|-?[1-9][0-9]*)\Z")
_YES, _NO = b"YES", b"NO"


def _show(token: bytes) -> str:
    text = token[:40].decode("utf-8", errors="replace")
    return repr(text + ("..." if len(token) > 40 else ""))


def _tokens(data: bytes, limit: int | None = None) -> list[bytes]:
    """testlib's tokens, at most `limit + 1` of them (a hostile output stays bounded)."""
    if b"\x0b" not in data and b"\x0c" not in data:
        # bytes.split() splits on exactly testlib's blanks plus VT and FF: C speed.
        return data.split() if limit is None else data.split(None, limit)[: limit + 1]
    out = []
    for m in _NON_BLANK.finditer(data):
        out.append(m.group())
        if limit is not None and len(out) > limit:
            break
    return out


def _c_string(token: bytes) -> bytes:
    return token.split(b"\0", 1)[0]


def _int64(token: bytes) -> int | None:
    text = _c_string(token)
    if not text:
        return 0  # testlib's parser reads an empty C string as 0
    if not _INT64.match(text) or text == b"-0" or len(text) > 20:
        return None
    value = int(text)
    return value if -(2**63) <= value < 2**63 else None


def _double(token: bytes) -> float | None:
    text = _c_string(token)
    if not _DOUBLE.match(text):
        return None
    return float(text)  # correctly rounded, as glibc's strtod; overflow gives an infinity


def _infinite(x: float) -> bool:
    return x > 1e300 or x < -1e300  # testlib's __testlib_isInfinite


def double_compare(expected: float, result: float, eps: float) -> bool:
    """testlib's doubleCompare: absolute or relative error at most eps (plus 1e-15)."""
    eps += 1e-15
    if math.isnan(expected):
        return math.isnan(result)
    if _infinite(expected):
        return _infinite(result) and (result > 0) == (expected > 0)
    if math.isnan(result) or _infinite(result):
        return False
    if abs(result - expected) <= eps:
        return True
    lo = min(expected * (1.0 - eps), expected * (1.0 + eps))
    hi = max(expected * (1.0 - eps), expected * (1.0 + eps))
    return lo <= result <= hi


def _reject(message: str) -> CheckResult:
    return CheckResult(False, message)


def _too_long(tokens: list[bytes]) -> CheckResult | None:
    for token in tokens:
        if len(token) > MAX_TOKEN:
            return _reject(f"token longer than {MAX_TOKEN} bytes")
    return None


def _bad_answer(what: str, token: bytes | None) -> CheckerFailure:
    found = "nothing" if token is None else _show(token)
    return CheckerFailure(f"the jury's answer is invalid: {what} expected, {found} found")


def check_wcmp(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    want = _tokens(answer)
    got = _tokens(output, len(want))
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        if g != w:
            return _reject(f"word {i + 1}: expected {_show(w)}, found {_show(g)}")
    if len(got) != len(want):
        return _reject(
            f"expected {len(want)} words, found {'more' if got[len(want) :] else len(got)}"
        )
    return _too_long(got) or CheckResult(True)


def _all_int64(answer: bytes, tokens: list[bytes]) -> bool:
    """Every token of the answer a canonical 64-bit integer: a few C-speed scans instead of
    a parse per token (ncmp is the checker of most Codeforces problems)."""
    if answer.translate(None, b"0123456789- \t\r\n"):  # any other byte, NUL included
        return False
    text = b" " + answer.translate(_BLANKS_TO_SPACE) + b" "
    if text.count(b"-") != text.count(b" -") or _BAD_MINUS.search(text):
        return False  # a minus inside a token, or not followed by 1-9
    if _LEADING_ZERO.search(text):
        return False
    if max(map(len, tokens), default=0) < 19:
        return True
    # canonical digit strings of one length compare as numbers do
    return all(
        len(t) < 19
        or (len(t) == 19 and (t[0] == 0x2D or t <= _INT64_MAX))
        or (len(t) == 20 and t[0] == 0x2D and t[1:] <= b"9223372036854775808")
        for t in tokens
    )


def check_ncmp(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    want = _tokens(answer)
    got = _tokens(output, len(want))
    if got == want and _all_int64(answer, want):
        return CheckResult(True)
    for i, w in enumerate(want):
        j = _int64(w)
        if j is None:
            raise _bad_answer("a 64-bit integer", w)
        if i >= len(got):
            for rest in want[i + 1 :]:
                if _int64(rest) is None:
                    raise _bad_answer("a 64-bit integer", rest)
            return _reject(f"expected {len(want)} integers, found {len(got)}")
        p = _int64(got[i])
        if p is None:
            return _reject(f"integer {i + 1}: expected a 64-bit integer, found {_show(got[i])}")
        if p != j:
            return _reject(f"integer {i + 1}: expected {j}, found {p}")
    if len(got) > len(want):
        return _reject(f"more than the {len(want)} integers expected")
    return _too_long(got) or CheckResult(True)


def _first(data: bytes) -> tuple[bytes | None, bool]:
    """The first token, and whether more follow."""
    tokens = _tokens(data, 1)
    return (tokens[0] if tokens else None), len(tokens) > 1


def check_hcmp(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    ja, ans_more = _first(answer)
    if ja is None:
        raise _bad_answer("an integer", None)
    pa, out_more = _first(output)
    if pa is None:
        return _reject("expected an integer, found the end of the output")
    if not _HUGE.match(ja) or ans_more:
        raise _bad_answer("exactly one integer", ja)
    if len(pa) > MAX_TOKEN or not _HUGE.match(pa):
        return _reject(f"expected an integer, found {_show(pa)}")
    if pa != ja:
        return _reject(f"expected {_show(ja)}, found {_show(pa)}")
    return _reject("extra output after the answer") if out_more else CheckResult(True)


def check_yesno(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    ja, _ = _first(answer)
    if ja is None:
        raise _bad_answer("YES or NO", None)
    pa, out_more = _first(output)
    if pa is None:
        return _reject("expected YES or NO, found the end of the output")
    ja, pa = ja.upper(), pa.upper()  # bytes.upper touches ASCII letters only, as testlib
    if ja not in (_YES, _NO):
        raise _bad_answer("YES or NO", ja)
    if pa not in (_YES, _NO) or len(pa) > MAX_TOKEN:
        return _reject(f"expected YES or NO, found {_show(pa)}")
    if pa != ja:
        return _reject(f"expected {ja.decode()}, found {pa.decode()}")
    return _reject("extra output after the answer") if out_more else CheckResult(True)


def check_nyesno(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    want = _tokens(answer)
    got = _tokens(output, len(want))
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        ja, pa = w.upper(), g.upper()
        if ja not in (_YES, _NO):
            raise _bad_answer("YES or NO", w)
        if pa not in (_YES, _NO):
            return _reject(f"token {i + 1}: expected YES or NO, found {_show(g)}")
        if pa != ja:
            return _reject(f"token {i + 1}: expected {ja.decode()}, found {pa.decode()}")
    if len(got) != len(want):
        return _reject(
            f"expected {len(want)} tokens, found {'more' if got[len(want) :] else len(got)}"
        )
    return _too_long(got) or CheckResult(True)


def check_rcmp(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    want = _tokens(answer)
    got = _tokens(output, len(want))
    if got == want and b"\0" not in answer and _ALL_DOUBLES.match(answer):
        return CheckResult(True)  # a number is within any error of itself (no NaN parses)
    for i, w in enumerate(want):
        j = _double(w)
        if j is None:
            raise _bad_answer("a number", w)
        if i >= len(got):
            return _reject(f"expected {len(want)} numbers, found {len(got)}")
        p = _double(got[i])
        if p is None:
            return _reject(f"number {i + 1}: expected a number, found {_show(got[i])}")
        if not double_compare(j, p, spec.abs_tol):
            return _reject(f"number {i + 1}: expected {j!r}, found {p!r}")
    if len(got) > len(want):
        return _reject(f"more than the {len(want)} numbers expected")
    return _too_long(got) or CheckResult(True)


class _Lines:
    """A cursor reading lines the way testlib's readString does."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def eof(self) -> bool:
        return self.pos >= len(self.data)

    def read(self) -> bytes:
        data, start = self.data, self.pos
        end = data.find(b"\n", start)
        stop = len(data) if end < 0 else end
        line = data[start:stop]
        self.pos = stop if end < 0 else end + 1
        if b"\r" not in line:
            return line
        out = bytearray()
        i = 0
        while i < len(line):
            if line[i] != 0x0D:
                out.append(line[i])
                i += 1
            elif i + 1 < len(line):
                out.append(line[i + 1])  # a lone CR: testlib keeps the byte after it
                i += 2
            else:
                if end < 0:
                    out.append(0xFF)  # CR at the very end: testlib appends its EOF char
                i += 1
        return bytes(out)

    def only_blanks_left(self) -> bool:
        return _NON_BLANK.search(self.data, self.pos) is None


def _check_lines(output: bytes, answer: bytes, same: Callable[[bytes, bytes], bool]) -> CheckResult:
    ans, out = _Lines(answer), _Lines(output)
    n = 0
    while not ans.eof():
        want = ans.read()
        if not want and ans.eof():
            break
        got = out.read()
        n += 1
        if not same(got, want):
            return _reject(f"line {n}: expected {_show(want)}, found {_show(got)}")
    if not out.only_blanks_left():
        return _reject(f"extra output after the {n} lines expected")
    return CheckResult(True)


def check_lcmp(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    # within a line lcmp splits with C++ streams: every ASCII space counts, as bytes.split
    return _check_lines(output, answer, lambda got, want: got.split() == want.split())


def check_fcmp(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    return _check_lines(output, answer, lambda got, want: got == want)


STD_CHECKERS: dict[CheckerKind, Callable[[CheckerSpec, bytes, bytes], CheckResult]] = {
    CheckerKind.WCMP: check_wcmp,
    CheckerKind.NCMP: check_ncmp,
    CheckerKind.LCMP: check_lcmp,
    CheckerKind.FCMP: check_fcmp,
    CheckerKind.HCMP: check_hcmp,
    CheckerKind.RCMP: check_rcmp,
    CheckerKind.YESNO: check_yesno,
    CheckerKind.NYESNO: check_nyesno,
}

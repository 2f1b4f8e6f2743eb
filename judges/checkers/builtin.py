"""Built-in checkers: pure functions of (spec, output, answer) -> CheckResult.

They work on bytes and stay bounded on hostile output: the output is split into at most one
token more than the answer has, integers are compared as canonical digit strings (exact at
any size, linear time even for a 50-million-digit token), and floats are parsed only when the
answer token is a number and the token is of sane length.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from judges.checkers.spec import CheckerSpec

__all__ = ["CheckResult", "check_exact", "check_floats", "check_tokens", "output_digest_tokens"]

_INT = re.compile(rb"[+-]?\d+\Z")
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\Z")
_SPECIAL = {
    b"nan",
    b"+nan",
    b"-nan",
    b"inf",
    b"+inf",
    b"-inf",
    b"infinity",
    b"+infinity",
    b"-infinity",
}
_MAX_FLOAT_TOKEN = 400  # longer "numbers" are compared as text, never parsed


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str = ""


def _show(token: bytes) -> str:
    text = token[:40].decode("utf-8", errors="replace")
    return repr(text + ("..." if len(token) > 40 else ""))


def canonical_int(token: bytes) -> bytes:
    """'+007' -> '7', '-0' -> '0': equal integers get equal strings, in linear time."""
    neg = token.startswith(b"-")
    digits = token.lstrip(b"+-").lstrip(b"0") or b"0"
    return b"-" + digits if neg and digits != b"0" else digits


def _split(output: bytes, answer: bytes) -> tuple[list[bytes], list[bytes], CheckResult | None]:
    want = answer.split()
    got = output.split(None, len(want))  # never more than len(want) + 1 tokens in memory
    if len(got) > len(want):
        return (
            got,
            want,
            CheckResult(
                False, f"extra output after {len(want)} tokens: {_show(got[-1].split()[0])}"
            ),
        )
    if len(got) < len(want):
        return got, want, CheckResult(False, f"output ended after {len(got)} of {len(want)} tokens")
    return got, want, None


def _tokens_equal(got: bytes, want: bytes, case_sensitive: bool) -> bool:
    if got == want:
        return True
    if _INT.match(got) and _INT.match(want):
        return canonical_int(got) == canonical_int(want)
    return not case_sensitive and got.lower() == want.lower()


def check_tokens(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    got, want, early = _split(output, answer)
    if early:
        return early
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        if not _tokens_equal(g, w, spec.case_sensitive):
            return CheckResult(False, f"token {i + 1}: expected {_show(w)}, got {_show(g)}")
    return CheckResult(True)


def _as_float(token: bytes) -> float | None:
    if len(token) > _MAX_FLOAT_TOKEN:
        return None
    if _NUMBER.match(token) or token.lower() in _SPECIAL:
        return float(token)
    return None


def floats_close(got: float, want: float, abs_tol: float, rel_tol: float) -> bool:
    if math.isnan(got) or math.isnan(want):
        return math.isnan(got) and math.isnan(want)  # NaN matches only an expected NaN
    if math.isinf(got) or math.isinf(want):
        return got == want
    diff = abs(got - want)
    return diff <= abs_tol or diff <= rel_tol * abs(want) or got == want


def check_floats(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    got, want, early = _split(output, answer)
    if early:
        return early
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        if _INT.match(g) and _INT.match(w):
            if canonical_int(g) == canonical_int(w):
                continue
            # Small integers may differ within the tolerance; long ones never go through a
            # double, where two different 19-digit integers can compare equal.
            if not (
                len(w) < 16
                and len(g) < 16
                and floats_close(float(g), float(w), spec.abs_tol, spec.rel_tol)
            ):
                return CheckResult(False, f"token {i + 1}: expected {_show(w)}, got {_show(g)}")
            continue
        wf = _as_float(w)
        if wf is None:
            if not _tokens_equal(g, w, spec.case_sensitive):
                return CheckResult(False, f"token {i + 1}: expected {_show(w)}, got {_show(g)}")
            continue
        gf = _as_float(g)
        if gf is None:
            return CheckResult(
                False, f"token {i + 1}: expected a number near {_show(w)}, got {_show(g)}"
            )
        if not floats_close(gf, wf, spec.abs_tol, spec.rel_tol):
            return CheckResult(
                False,
                f"token {i + 1}: expected {_show(w)}, got {_show(g)} (difference {abs(gf - wf):.3g})",
            )
    return CheckResult(True)


def _normalise_lines(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").rstrip(b"\n")


def check_exact(spec: CheckerSpec, output: bytes, answer: bytes) -> CheckResult:
    got, want = _normalise_lines(output), _normalise_lines(answer)
    if not spec.case_sensitive:
        got, want = got.lower(), want.lower()
    if got == want:
        return CheckResult(True)
    n = min(len(got), len(want))
    pos = next((i for i in range(n) if got[i] != want[i]), n)
    line = got.count(b"\n", 0, pos) + 1
    return CheckResult(False, f"output differs from the answer at line {line}, byte {pos + 1}")


_WHITESPACE = re.compile(rb"\s")
_DIGEST_CHUNK = 1 << 20


def output_digest_tokens(output: bytes) -> bytes:
    """Output with whitespace runs collapsed: whitespace differences do not split clusters.

    bytes.split/join per 1 MiB chunk (cut at a whitespace byte, so no token is split): C speed
    with at most one chunk's token objects alive. A regex substitution pays per whitespace run
    replaced, which is slow on huge outputs of tiny tokens (judge case r17; bench_digest.py)."""
    parts: list[bytes] = []
    start, n = 0, len(output)
    while start < n:
        end = start + _DIGEST_CHUNK
        if end < n:
            cut = _WHITESPACE.search(output, end)
            end = cut.start() if cut else n
        else:
            end = n
        tokens = output[start:end].split()
        if tokens:
            parts.append(b" ".join(tokens))
        start = end
    return b" ".join(parts)

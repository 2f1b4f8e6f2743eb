#!/usr/bin/env python3
"""Checker for flower-row (testlib convention).

    python3 checker.py input output answer

Exit codes: 0 OK, 1 wrong answer, 2 presentation error (output that is not a list of
integers), 3 FAIL (the input or the jury's answer is broken, or the contestant found an
arrangement where the jury claims there is none). A one-line verdict goes to stderr.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

OK, WA, PE, FAIL = 0, 1, 2, 3
INT_RE = re.compile(r"-?[0-9]{1,19}")  # longer tokens cannot be valid colours anyway


class Verdict(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def read_tokens(path: str, who: str, bad_code: int) -> list[str]:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise Verdict(FAIL, f"cannot read the {who} file: {e}") from None
    try:
        return raw.decode("ascii").split()
    except UnicodeDecodeError:
        raise Verdict(bad_code, f"the {who} contains non-ASCII bytes") from None


def parse_ints(tokens: list[str], who: str, bad_code: int) -> list[int]:
    values = []
    for i, tok in enumerate(tokens):
        if not INT_RE.fullmatch(tok):
            shown = tok if len(tok) <= 30 else tok[:30] + "..."
            raise Verdict(bad_code, f"the {who}: token {i + 1} ({shown!r}) is not an integer")
        values.append(int(tok))
    return values


def check_row(row: list[int], colours: list[int], who: str, code: int) -> None:
    """Raise Verdict(code) unless row is a valid arrangement of colours."""
    n = len(colours)
    if len(row) != n:
        raise Verdict(code, f"the {who} has {len(row)} numbers, expected {n} (or a single -1)")
    if Counter(row) != Counter(colours):
        have, need = Counter(row), Counter(colours)
        bad = next(c for c in sorted(set(have) | set(need)) if have[c] != need[c])
        raise Verdict(code, f"the {who} uses colour {bad} {have[bad]} times, it occurs {need[bad]} times")
    for i in range(n - 1):
        if row[i] == row[i + 1]:
            raise Verdict(code, f"the {who}: pots {i + 1} and {i + 2} both have colour {row[i]}")


def check(input_path: str, output_path: str, answer_path: str) -> tuple[int, str]:
    # the test input: trusted, any problem with it is a FAIL
    inp = parse_ints(read_tokens(input_path, "input", FAIL), "input", FAIL)
    if not inp or inp[0] < 1 or len(inp) != inp[0] + 1:
        raise Verdict(FAIL, "the input does not match the format")
    n, colours = inp[0], inp[1:]

    # the jury's answer: -1 or a valid arrangement, anything else is a FAIL
    jury = parse_ints(read_tokens(answer_path, "jury answer", FAIL), "jury answer", FAIL)
    jury_possible = jury != [-1]
    if jury_possible:
        check_row(jury, colours, "jury answer", FAIL)

    # the contestant's output
    out = parse_ints(read_tokens(output_path, "output", PE), "output", PE)
    if not out:
        raise Verdict(PE, "the output is empty")
    if out[0] == -1:
        if len(out) > 1:
            raise Verdict(WA, "extra tokens after -1")
        if jury_possible:
            raise Verdict(WA, "the output says -1, but an arrangement exists")
        return OK, "correctly reported that no arrangement exists"
    check_row(out, colours, "output", WA)
    if not jury_possible:
        raise Verdict(FAIL, "the contestant found a valid arrangement, the jury answer says -1")
    return OK, f"a valid arrangement of {n} pots"


def main() -> int:
    if len(sys.argv) < 4:
        print("usage: checker.py input output answer", file=sys.stderr)
        return FAIL
    try:
        code, message = check(sys.argv[1], sys.argv[2], sys.argv[3])
    except Verdict as v:
        code, message = v.code, v.message
    except Exception as e:  # a bug in the checker itself must never look like a WA
        code, message = FAIL, f"checker error: {type(e).__name__}: {e}"
    print(("ok " if code == OK else "") + message, file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())

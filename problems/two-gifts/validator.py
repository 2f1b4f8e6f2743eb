#!/usr/bin/env python3
"""Output validator for two-gifts (Kattis convention).

    python3 validator.py input answer feedback_dir [flags] < output

Exit 42 accepts, 43 rejects; a short reason goes to feedback_dir/judgemessage.txt. A broken
input or jury answer, or a valid pair where the jury answer says -1, is a judge error:
exit code 1 with the reason on stderr (and in judgemessage.txt).
"""

from __future__ import annotations

import os
import re
import sys

AC, WA, JUDGE_ERROR = 42, 43, 1
INT_RE = re.compile(r"-?[0-9]{1,19}")


class Verdict(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def ints(raw: bytes, who: str, bad_code: int) -> list[int]:
    try:
        tokens = raw.decode("ascii").split()
    except UnicodeDecodeError:
        raise Verdict(bad_code, f"the {who} contains non-ASCII bytes") from None
    values = []
    for k, tok in enumerate(tokens):
        if not INT_RE.fullmatch(tok):
            shown = tok if len(tok) <= 30 else tok[:30] + "..."
            raise Verdict(bad_code, f"the {who}: token {k + 1} ({shown!r}) is not an integer")
        values.append(int(tok))
    return values


def valid_pair(pair: list[int], prices: list[int], x: int) -> str | None:
    """None if pair is a correct answer, otherwise the reason it is not."""
    if len(pair) != 2:
        return f"expected two indices or -1, got {len(pair)} numbers"
    i, j = pair
    n = len(prices)
    if not (1 <= i <= n and 1 <= j <= n):
        return f"index out of range 1..{n}: {i} {j}"
    if i == j:
        return f"the same item {i} twice"
    if prices[i - 1] + prices[j - 1] != x:
        return f"items {i} and {j} cost {prices[i - 1]} + {prices[j - 1]} = {prices[i - 1] + prices[j - 1]}, not {x}"
    return None


def judge(input_path: str, answer_path: str, output: bytes) -> tuple[int, str]:
    with open(input_path, "rb") as f:
        inp = ints(f.read(), "input", JUDGE_ERROR)
    if len(inp) < 2 or len(inp) != inp[0] + 2:
        raise Verdict(JUDGE_ERROR, "the input does not match the format")
    n, x, prices = inp[0], inp[1], inp[2:]

    with open(answer_path, "rb") as f:
        jury = ints(f.read(), "jury answer", JUDGE_ERROR)
    jury_possible = jury != [-1]
    if jury_possible and (reason := valid_pair(jury, prices, x)) is not None:
        raise Verdict(JUDGE_ERROR, "the jury answer is wrong: " + reason)

    out = ints(output, "output", WA)
    if not out:
        return WA, "the output is empty"
    if out == [-1]:
        if jury_possible:
            return WA, "the output says -1, but a suitable pair exists"
        return AC, "correctly reported that no pair exists"
    if (reason := valid_pair(out, prices, x)) is not None:
        return WA, reason
    if not jury_possible:
        raise Verdict(JUDGE_ERROR, "the output is a valid pair, but the jury answer says -1")
    return AC, f"items {out[0]} and {out[1]} cost {x} in total (n = {n})"


def main() -> int:
    if len(sys.argv) < 4:
        print("usage: validator.py input answer feedback_dir < output", file=sys.stderr)
        return JUDGE_ERROR
    feedback_dir = sys.argv[3]
    try:
        code, message = judge(sys.argv[1], sys.argv[2], sys.stdin.buffer.read())
    except Verdict as v:
        code, message = v.code, v.message
    except Exception as e:  # a validator bug must never look like a rejection
        code, message = JUDGE_ERROR, f"validator error: {type(e).__name__}: {e}"
    try:
        with open(os.path.join(feedback_dir, "judgemessage.txt"), "a") as f:
            f.write(message + "\n")
    except OSError:
        pass
    if code == JUDGE_ERROR:
        print(message, file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())

"""Interactor for Hilltop, in the Kattis convention:

    interactor.py input_file answer_file feedback_dir/

The input file holds n and the n heights. The program's questions arrive on stdin, the
answers go to stdout. Exit 42 accepts, 43 rejects (judgemessage.txt says why).
"""

import sys

MAX_QUESTIONS = 40


def verdict(code: int, message: str) -> None:
    with open(sys.argv[3] + "judgemessage.txt", "w") as f:
        f.write(message + "\n")
    sys.exit(code)


def main() -> None:
    with open(sys.argv[1]) as f:
        first, *rest = f.read().split("\n", 1)
    heights = [int(t) for t in "".join(rest).split()]
    n = len(heights)  # a generated input whose first line disagrees: the heights decide
    if n == 0 or int(first) < 1:
        sys.exit(1)  # not a valid input: a judge error, not the program's fault
    a = [0, *heights, 0]
    print(n, flush=True)
    questions = 0
    for raw in sys.stdin.buffer:
        parts = raw.decode("utf-8", errors="replace").split()
        if len(parts) != 2 or parts[0] not in ("?", "!") or not parts[1].isdigit():
            verdict(43, f"cannot read {raw[:30]!r}")
        i = int(parts[1])
        if not 1 <= i <= n:
            verdict(43, f"point {i} is outside 1..{n}")
        if parts[0] == "!":
            if a[i] >= a[i - 1] and a[i] >= a[i + 1]:
                verdict(42, f"hilltop {i} after {questions} questions")
            verdict(43, f"point {i} (height {a[i]}) is not a hilltop")
        questions += 1
        if questions > MAX_QUESTIONS:
            verdict(43, f"more than {MAX_QUESTIONS} questions")
        try:
            print(a[i], flush=True)
        except BrokenPipeError:
            verdict(43, "the program stopped reading")
    verdict(43, f"no answer after {questions} questions")


main()

"""Guess the number (Kattis convention): the secret is in the input file; at most 10 guesses,
each answered "lower", "higher" or "correct". Exit 42 accepts, 43 rejects."""

import sys

secret = int(open(sys.argv[1]).read())
feedback = sys.argv[3]


def reject(why: str) -> None:
    with open(feedback + "judgemessage.txt", "w") as f:
        f.write(why)
    sys.exit(43)


for guess_no in range(10):
    line = sys.stdin.buffer.readline().decode("utf-8", errors="replace")
    if not line:
        reject(f"end of input after {guess_no} guesses")
    try:
        guess = int(line)
    except ValueError:
        reject(f"guess {guess_no + 1} is not a number: {line[:20]!r}")
    if guess == secret:
        print("correct", flush=True)
        sys.exit(42)
    print("lower" if secret < guess else "higher", flush=True)
reject("no correct guess in 10")

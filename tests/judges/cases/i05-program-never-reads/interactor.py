"""Sends 4 MiB before it reads anything (Kattis convention): a program that never reads
leaves it blocked on a full pipe."""

import sys

try:
    sys.stdout.write("7 " * (2 << 20))
    sys.stdout.flush()
except BrokenPipeError:
    sys.exit(43)
sys.exit(42 if sys.stdin.readline().strip() == "done" else 43)

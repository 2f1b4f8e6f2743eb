"""Reads every token until the program stops (Kattis convention), then accepts."""

import sys

count = sum(1 for _ in sys.stdin.buffer)
sys.exit(42)

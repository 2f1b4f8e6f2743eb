"""Rejects on the first line, then exits (Kattis convention)."""

import sys

sys.stdin.readline()
sys.exit(43)

"""A broken interactor: it crashes after the first guess (an uncaught exception, exit 1)."""

import sys

sys.stdin.readline()
raise RuntimeError("interactor bug")

"""The `alphasolve` command: one subcommand per stage, each a thin wrapper over a function.

Exit codes: 0 the command ran, 1 it ran and found failures (broken problems), 2 bad input.
User errors are printed as one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from types import ModuleType

from alphasolve import __version__
from alphasolve.cli import (
    demo_cmd,
    eval_cmd,
    judge_cmd,
    problems_cmd,
    replay_cmd,
    sample_cmd,
    solve_cmd,
)
from alphasolve.errors import AlphasolveError

__all__ = ["COMMANDS", "main"]

# name -> module with add_arguments(parser) and run(args) -> int
COMMANDS: dict[str, ModuleType] = {
    "problems": problems_cmd,
    "judge": judge_cmd,
    "sample": sample_cmd,
    "solve": solve_cmd,
    "replay": replay_cmd,
    "eval": eval_cmd,
    "demo": demo_cmd,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alphasolve", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--version", action="version", version=f"alphasolve {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log progress and judge details"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args._run(args))
    except AlphasolveError as exc:
        print(f"alphasolve: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("alphasolve: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `alphasolve ... | head`: the reader left, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

"""How a language's source text looks: its comments and which whitespace is syntax.

An executor declares one `SourceSyntax`. The prompt takes its line-comment prefix for the
metadata header, and deduplication its normaliser: two programs that differ only in comments
or insignificant whitespace normalise alike, so they share one candidate id. Changing a
normaliser changes candidate ids, so existing run directories would no longer resume.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

__all__ = ["C_LIKE", "PYTHON", "LineBreaks", "SourceSyntax", "plain_normalise"]

# String literals are kept verbatim (spaces inside them matter). Tried before comments, so a
# `#` or `//` inside a string starts no comment.
_STRING = (
    r"""(?P<str>'''[\s\S]*?'''|\"\"\"[\s\S]*?\"\"\"|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")"""
)
_WORD = re.compile(r"\w")


class LineBreaks(StrEnum):
    """Which line breaks a normalised program keeps."""

    SYNTAX = "syntax"  # every one, with the indentation after it (Python: layout is syntax)
    DIRECTIVES = "directives"  # only one ending a preprocessor directive (C, C++)


@dataclass(frozen=True)
class SourceSyntax:
    comment_prefix: str  # starts a line comment; the prompt's header lines start with it
    comment: str  # regular expression of any comment
    newline: str  # regular expression of a line break (with the indentation it keeps)
    space: str  # regular expression of insignificant space
    line_breaks: LineBreaks

    @cached_property
    def _scanner(self) -> re.Pattern[str]:
        return re.compile(
            _STRING
            + f"|(?P<comment>{self.comment})|(?P<newline>{self.newline})|(?P<space>{self.space})"
        )

    def normalise(self, code: str) -> str:
        """`code` without comments, blank lines or insignificant whitespace.

        A space survives only between two word characters (`return x`), so `a=b+1` and
        `a = b + 1` normalise alike.
        """
        out: list[str] = []
        pending = ""  # whitespace since the last emitted text, decided when the next text comes
        line_start = 0  # index in `out` where the current output line starts (for `#include`)
        pos = 0
        for m in (*self._scanner.finditer(code), None):
            text = code[pos : m.start()] if m else code[pos:]
            if text:
                if pending == " " and out and _WORD.match(out[-1][-1]) and _WORD.match(text[0]):
                    out.append(" ")
                elif pending.startswith("\n") and out:
                    out.append(pending)
                    line_start = len(out)
                out.append(text)
                pending = ""
            if m is None:
                break
            pos = m.end()
            kind = m.lastgroup
            if kind == "str":
                if pending.startswith("\n") and out:
                    out.append(pending)
                    line_start = len(out)
                elif pending == " " and out and _WORD.match(out[-1][-1]):
                    out.append(" ")  # a prefix such as `f"..."` or `return "x"`
                out.append(m.group())
                pending = ""
            elif kind == "newline":
                keep = self.line_breaks is LineBreaks.SYNTAX or (
                    "".join(out[line_start:]).startswith("#")
                )
                if keep:
                    pending = m.group()  # a later newline replaces it: blank lines vanish
                elif not pending:
                    pending = " "
            elif kind == "space" and not pending:
                pending = " "
        return "".join(out)


def plain_normalise(code: str) -> str:
    """For languages no executor declares: only trailing whitespace goes."""
    return "\n".join(line.rstrip() for line in code.strip().splitlines())


PYTHON = SourceSyntax(
    comment_prefix="#",
    comment=r"\#[^\n]*",
    newline=r"\n[ \t]*",
    space=r"[ \t\f\r]+|\\\n",  # a backslash continuation joins lines
    line_breaks=LineBreaks.SYNTAX,
)
C_LIKE = SourceSyntax(
    comment_prefix="//",
    comment=r"//[^\n]*|/\*[\s\S]*?\*/",
    newline=r"\n",
    space=r"[ \t\f\r]+",
    line_breaks=LineBreaks.DIRECTIVES,
)

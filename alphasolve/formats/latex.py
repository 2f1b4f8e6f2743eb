"""LaTeX problem statements (Kattis / ICPC packages) turned into readable plain text.

Not a TeX engine: a small walker over the subset problem statements use (the Kattis spec lists
it: inline/display math, itemize/enumerate, verbatim, tabular, font commands, quotes, dashes,
`~`, `\\ldots`, `\\illustration`...). Math becomes Unicode (`\\le` -> `≤`, `10^{15}` -> `10^15`);
unknown commands keep their first argument and lose their name, so nothing readable is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["StatementParts", "latex_to_text", "render_markdown_math", "split_latex_statement"]


@dataclass(frozen=True)
class StatementParts:
    name: str  # from \problemname (or a `%% plainproblemname:` comment); "" when absent
    legend: str
    input_spec: str
    output_spec: str
    notes: str


# Symbols valid in both modes. Relations and binary operators get spaces around them in math
# (`a\le b` reads "a ≤ b"); the others are emitted as they are.
_SYMBOLS = {
    "ldots": "…", "dots": "…", "cdots": "…", "textellipsis": "…", "vdots": "⋮", "ddots": "⋱",
    "infty": "∞", "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃",
    "partial": "∂", "nabla": "∇", "prime": "′", "angle": "∠", "triangle": "△", "circ": "∘",
    "degree": "°", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈",
    "rceil": "⌉", "lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖",
    "|": "‖", "{": "{", "}": "}", "%": "%", "&": "&", "_": "_", "#": "#", "$": "$",
    "backslash": "\\", "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
    "textless": "<", "textgreater": ">", "textbar": "|", "textunderscore": "_", "S": "§",
    "dag": "†", "copyright": "©", "textdegree": "°", "neg": "¬", "lnot": "¬", "sum": "Σ",
    "prod": "Π", "int": "∫", "sqcup": "⊔", "star": "⋆", "ast": "*", "bullet": "•",
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
    "i": "ı", "l": "ł", "L": "Ł", "textquotedbl": '"', "textendash": "–", "textemdash": "—",
    ",": " ", ";": " ", ":": " ", " ": " ", "!": "", "quad": " ", "qquad": "  ", "/": "",
    "-": "", "@": "", "enspace": " ", "thinspace": " ", "space": " ",
}  # fmt: skip
_RELATIONS = {
    "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥", "geqslant": "≥", "ne": "≠",
    "neq": "≠", "lt": "<", "gt": ">", "approx": "≈", "equiv": "≡", "sim": "~", "simeq": "≃",
    "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫", "cdot": "·", "times": "×", "div": "÷",
    "pm": "±", "mp": "∓", "oplus": "⊕", "otimes": "⊗", "wedge": "∧", "land": "∧", "vee": "∨",
    "lor": "∨", "cap": "∩", "cup": "∪", "setminus": "∖", "in": "∈", "notin": "∉", "ni": "∋",
    "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "mid": "|", "nmid": "∤",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
    "Rightarrow": "⇒", "implies": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "iff": "⇔",
    "mapsto": "↦", "bmod": "mod", "mod": "mod", "perp": "⊥", "parallel": "∥",
}  # fmt: skip
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
    "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω",
}  # fmt: skip
# Math operators written as words ("\log n" -> "log n").
_WORDS = {
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos",
    "arctan", "sinh", "cosh", "tanh", "max", "min", "sup", "inf", "lim", "limsup", "liminf",
    "gcd", "lcm", "det", "deg", "dim", "ker", "arg", "argmin", "argmax", "Pr", "hom",
}  # fmt: skip
# Commands whose arguments are typesetting only: dropped with that many brace arguments.
_DROP = {
    "label": 1, "vspace": 1, "hspace": 1, "vskip": 0, "hskip": 0, "includegraphics": 1,
    "setlength": 2, "addtolength": 2, "setcounter": 2, "addtocounter": 2, "cline": 1,
    "pagebreak": 0, "newpage": 0, "clearpage": 0, "linebreak": 0, "nolinebreak": 0,
    "vfill": 0, "hfill": 0, "noindent": 0, "indent": 0, "centering": 0, "raggedright": 0,
    "raggedleft": 0, "medskip": 0, "bigskip": 0, "smallskip": 0, "hline": 0, "toprule": 0,
    "midrule": 0, "bottomrule": 0, "tiny": 0, "scriptsize": 0, "footnotesize": 0,
    "small": 0, "normalsize": 0, "large": 0, "Large": 0, "LARGE": 0, "huge": 0, "Huge": 0,
    "bf": 0, "it": 0, "tt": 0, "em": 0, "rm": 0, "sf": 0, "sc": 0, "sl": 0, "displaystyle": 0,
    "textstyle": 0, "scriptstyle": 0, "left": 0, "right": 0, "middle": 0, "big": 0,
    "Big": 0, "bigg": 0, "Bigg": 0, "bigl": 0, "bigr": 0, "Bigl": 0, "Bigr": 0, "biggl": 0,
    "biggr": 0, "limits": 0, "nolimits": 0, "nextsample": 0, "remainingsamples": 0,
    "sampletable": 0, "protect": 0, "relax": 0, "null": 0, "leavevmode": 0, "newline": 0,
    "par": 0, "phantom": 1, "hphantom": 1, "vphantom": 1, "multicolumn": 2, "multirow": 2,
    "columnbreak": 0, "allowbreak": 0, "nobreak": 0, "clubpenalty": 0, "cite": 1,
    "bfseries": 0, "itshape": 0, "ttfamily": 0, "normalfont": 0, "upshape": 0, "mdseries": 0,
    "scshape": 0, "rmfamily": 0, "sffamily": 0, "selectlanguage": 1, "smash": 0,
}  # fmt: skip
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "r": "\u030a",
    "k": "\u0328",
}  # fmt: skip
_VERBATIM_ENVS = {"verbatim", "verbatim*", "lstlisting", "Verbatim", "minted", "alltt"}
_MATH_ENVS = {
    "equation", "equation*", "align", "align*", "displaymath", "math", "eqnarray",
    "eqnarray*", "gather", "gather*", "multline", "multline*", "array", "cases", "matrix",
    "pmatrix", "bmatrix", "aligned", "split",
}  # fmt: skip
_TABLE_ENVS = {"tabular", "tabular*", "tabularx", "array"}
_LIST_ENVS = {"itemize": "-", "enumerate": "1", "description": "-"}
# Environments whose leading brace arguments are layout, not text.
_ENV_ARGS = {"tabular": 1, "tabular*": 2, "tabularx": 2, "array": 1, "wrapfigure": 2, "minipage": 1}

_SECTION = re.compile(
    r"\\(?:sub)*section\*?\s*\{(?P<title>[^{}]*)\}|\\(?P<edge>begin|end)\s*\{(?P<env>Input|Output|Interaction)\}"
)
_SECTION_KIND = {
    "input": "input", "input format": "input", "input specification": "input",
    "interaction": "input", "output": "output", "output format": "output",
    "output specification": "output", "note": "notes", "notes": "notes",
    "explanation": "notes", "explanations": "notes", "sample explanation": "notes",
    "explanation of the sample": "notes", "explanation of the samples": "notes",
}  # fmt: skip


def split_latex_statement(
    source: str, constants: Mapping[str, object] | None = None
) -> StatementParts:
    """Split a statement at its Input/Output sections (legacy `\\section*{Input}` or the
    2023-07 `Input`/`Output` environments) and render each part as text."""
    # the 2023-07 spec's {{name}} constants (its own example uses them in LaTeX too)
    source = _substitute_constants(source.replace("\r\n", "\n"), constants or {})
    plain = re.search(r"^\s*%%\s*plainproblemname:\s*(.+?)\s*$", source, re.M)
    source = _strip_comments(source)
    name = ""
    m = re.search(r"\\problemname\s*(?:\[[^\]]*\])?\s*\{", source)
    if m:
        end = _matching_brace(source, m.end() - 1)
        name = latex_to_text(source[m.end() : end], constants)
        source = source[: m.start()] + source[end + 1 :]
    if plain:
        name = plain.group(1)
    parts: dict[str, list[str]] = {"legend": [], "input": [], "output": [], "notes": []}
    current, pos = "legend", 0
    for m in _SECTION.finditer(source):
        parts[current].append(source[pos : m.start()])
        pos = m.end()
        if m.group("env"):
            kind = "input" if m.group("env") in ("Input", "Interaction") else "output"
            # after \end{Output} the text that follows is a note, not more output spec
            current = (
                kind if m.group("edge") == "begin" else ("notes" if kind == "output" else kind)
            )
            continue
        title = " ".join(m.group("title").split())
        kind = _SECTION_KIND.get(title.lower().rstrip(":"))
        if kind:
            current = kind
        else:  # another section (Scoring, Constraints...): keep it, with its title
            parts[current].append(f"\n\n{title}\n\n")
    parts[current].append(source[pos:])
    text = {k: latex_to_text("".join(v), constants) for k, v in parts.items()}
    return StatementParts(name, text["legend"], text["input"], text["output"], text["notes"])


def latex_to_text(source: str, constants: Mapping[str, object] | None = None) -> str:
    """Render a LaTeX fragment as readable plain text (paragraphs separated by blank lines)."""
    r = _Renderer(_strip_comments(source.replace("\r\n", "\n")), dict(constants or {}))
    return r.finish(r.render(0, len(r.src), math=False))


def render_markdown_math(text: str, constants: Mapping[str, object] | None = None) -> str:
    """Render the `$...$`, `$$...$$` and `\\(...\\)` math in a Markdown statement as text
    (outside code spans and fenced blocks); `{{name}}` becomes the problem constant."""
    consts = dict(constants or {})
    out = []
    # odd pieces are fenced code blocks, left alone
    for n, chunk in enumerate(
        re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", text, flags=re.M | re.S)
    ):
        if n % 2:
            out.append(chunk)
            continue
        pieces = re.split(r"(`+[^`]*`+)", chunk)  # odd pieces are code spans
        for i in range(0, len(pieces), 2):
            piece = _substitute_constants(pieces[i], consts)
            pieces[i] = _MD_MATH.sub(lambda m: _render_math(m, consts), piece)
        out.append("".join(pieces))
    return "".join(out)


# single-dollar math may wrap lines but never crosses a blank line (a paragraph break)
_MD_MATH = re.compile(
    r"\$\$(.+?)\$\$|\$((?:[^$\n\\]|\\.|\n(?![ \t]*\n))+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S
)


def _render_math(m: re.Match[str], constants: dict[str, object]) -> str:
    inner = next(g for g in m.groups() if g is not None)
    r = _Renderer(inner, constants)
    return r.finish(r.render(0, len(inner), math=True))


def _substitute_constants(text: str, constants: Mapping[str, object]) -> str:
    if not constants:
        return text
    return re.sub(r"\{\{(\w+)\}\}", lambda m: str(constants.get(m.group(1), m.group(0))), text)


def _strip_comments(src: str) -> str:
    # `%` starts a comment unless escaped as `\%`; a comment also swallows its newline.
    return re.sub(r"(?<!\\)%[^\n]*(\n[ \t]*)?", "", src)


def _matching_brace(src: str, open_at: int, pair: str = "{}") -> int:
    """Index of the brace closing the one at `open_at` (len(src) when unbalanced)."""
    depth, i = 0, open_at
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == pair[0]:
            depth += 1
        elif c == pair[1]:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(src)


_COMMAND = re.compile(r"\\([A-Za-z]+\*?|.)", re.S)
_VERB_MARK = "\x00{}\x00"
_INDENT = "\x01"  # a list-nesting indent that survives whitespace collapsing


@dataclass
class _Renderer:
    src: str
    constants: dict[str, object]
    verbatim: list[str] = field(default_factory=list)
    lists: list[list[int | str]] = field(default_factory=list)  # [marker, counter] per level
    in_table: int = 0

    # -- the walk ------------------------------------------------------------------------
    def render(self, start: int, end: int, *, math: bool) -> str:
        out: list[str] = []
        i = start
        src = self.src
        while i < end:
            c = src[i]
            if c == "\\":
                text, i = self._command(i, end, math)
                out.append(text)
            elif c == "$":
                if src.startswith("$$", i):
                    close = src.find("$$", i + 2, end)
                    close = end if close < 0 else close
                    out.append("\n\n" + self.render(i + 2, close, math=True) + "\n\n")
                    i = close + 2
                else:
                    close = self._find_dollar(i + 1, end)
                    out.append(self.render(i + 1, close, math=True))
                    i = close + 1
            elif c == "{":
                close = min(_matching_brace(src, i), end)
                out.append(self.render(i + 1, close, math=math))
                i = close + 1
            elif c == "}":
                i += 1
            elif c in "^_" and math:
                out.append(c)
                arg, i = self._script_arg(i + 1, end)
                out.append(arg)
            elif c == "~":
                out.append(" ")
                i += 1
            elif c == "&":
                out.append(" | " if self.in_table else (" " if math else "&"))
                i += 1
            elif c == "\n" and math:
                out.append(" ")
                i += 1
            elif c == "\n":
                j = i + 1
                while j < end and src[j] in " \t":
                    j += 1
                out.append("\n\n" if j < end and src[j] == "\n" else " ")
                i = j
            elif not math and src.startswith("---", i):
                out.append("—")
                i += 3
            elif not math and src.startswith("--", i):
                out.append("–")
                i += 2
            elif not math and (src.startswith("``", i) or src.startswith("''", i)):
                out.append('"')
                i += 2
            elif not math and c == "`":
                out.append("'")
                i += 1
            else:
                out.append(c)
                i += 1
        return "".join(out)

    def _find_dollar(self, i: int, end: int) -> int:
        while i < end:
            if self.src[i] == "\\":
                i += 2
                continue
            if self.src[i] == "$":
                return i
            i += 1
        return end

    def _script_arg(self, i: int, end: int) -> tuple[str, int]:
        src = self.src
        while i < end and src[i] == " ":
            i += 1
        if i >= end:
            return "", i
        if src[i] == "{":
            close = min(_matching_brace(src, i), end)
            inner = self.render(i + 1, close, math=True).strip()
            simple = len(inner) <= 1 or inner.isdigit() or re.fullmatch(r"-?\d+|\w", inner)
            return (inner if simple else f"({inner})"), close + 1
        if src[i] == "\\":
            return self._command(i, end, True)
        return src[i], i + 1

    def _group(self, i: int, end: int, *, math: bool) -> tuple[str | None, int]:
        """The next `{...}` argument, rendered (None when the next thing is not a group)."""
        j = i
        while j < end and self.src[j] in " \t\n":
            j += 1
        if j < end and self.src[j] == "{":
            close = min(_matching_brace(self.src, j), end)
            return self.render(j + 1, close, math=math), close + 1
        return None, i

    def _raw_group(self, i: int, end: int) -> tuple[str | None, int]:
        j = i
        while j < end and self.src[j] in " \t\n":
            j += 1
        if j < end and self.src[j] == "{":
            close = min(_matching_brace(self.src, j), end)
            return self.src[j + 1 : close], close + 1
        return None, i

    def _optional(self, i: int, end: int) -> tuple[str | None, int]:
        if i < end and self.src[i] == "[":
            close = min(_matching_brace(self.src, i, "[]"), end)
            return self.src[i + 1 : close], close + 1
        return None, i

    # -- commands -------------------------------------------------------------------------
    def _command(self, i: int, end: int, math: bool) -> tuple[str, int]:
        src = self.src
        m = _COMMAND.match(src, i, end)
        if not m:
            return "", end
        name, i = m.group(1), m.end()
        if name in ("\\", "newline"):
            _, i = self._optional(i, end)  # \\[2mm]
            return ("\n" if not math or self.in_table else " "), i
        if name in ("(", "["):  # \( ... \) and \[ ... \]
            closer = "\\)" if name == "(" else "\\]"
            close = src.find(closer, i, end)
            close = end if close < 0 else close
            inner = self.render(i, close, math=True)
            return (inner if name == "(" else f"\n\n{inner}\n\n"), close + 2
        if name in (")", "]"):
            return "", i
        if name in _ACCENTS and (name not in "uvHcrk" or (i < end and src[i] in "{ ")):
            arg, i = self._group(i, end, math=math)
            if arg is None:  # \'e or \c c
                while i < end and src[i] == " ":
                    i += 1
                arg, i = (src[i], i + 1) if i < end else ("", i)
            return unicodedata.normalize("NFC", arg[:1] + _ACCENTS[name] + arg[1:]), i
        if name in _SYMBOLS:
            return _SYMBOLS[name], i
        if name in _RELATIONS:
            sym = _RELATIONS[name]
            return (f" {sym} " if math or sym.isalpha() else sym), i
        if name in _GREEK:
            return _GREEK[name], i
        if name in _WORDS or name == "operatorname":
            if name == "operatorname":
                word, i = self._group(i, end, math=math)
                name = (word or "").strip()
            return f" {name} ", i
        if name == "not":
            if i < end and src[i] == "=":
                return " ≠ ", i + 1
            return "not ", i
        if name == "pmod":
            arg, i = self._group(i, end, math=True)
            return f" (mod {arg})", i
        if name in ("frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom"):
            num, i = self._group(i, end, math=True)
            den, i = self._group(i, end, math=True)
            num, den = (num or "").strip(), (den or "").strip()
            if name.endswith("binom"):
                return f"C({num}, {den})", i
            wrap = lambda s: s if re.fullmatch(r"[\w.]+", s) else f"({s})"  # noqa: E731
            return f"{wrap(num)}/{wrap(den)}", i
        if name == "sqrt":
            root, i = self._optional(i, end)
            arg, i = self._group(i, end, math=True)
            return (f"sqrt({arg})" if root is None else f"root{root}({arg})"), i
        if name in ("begin", "end"):
            return self._environment(name, i, end, math)
        if name == "item":
            label, i = self._optional(i, end)
            return self._item(label), i
        if name in ("section", "section*", "subsection", "subsection*", "subsubsection",
                    "subsubsection*", "paragraph", "paragraph*"):  # fmt: skip
            title, i = self._group(i, end, math=math)
            return f"\n\n{(title or '').strip()}\n\n", i
        if name in ("href",):
            url, i = self._raw_group(i, end)
            text, i = self._group(i, end, math=math)
            return (f"{text} ({url})" if text and url and text != url else text or url or ""), i
        if name in ("url", "path", "nolinkurl"):
            url, i = self._raw_group(i, end)
            return url or "", i
        if name in ("verb", "verb*", "lstinline"):
            if i < end:
                delim = src[i]
                close = src.find("}" if delim == "{" else delim, i + 1, end)
                close = end if close < 0 else close
                return src[i + 1 : close], close + 1
            return "", i
        if name == "footnote":
            text, i = self._group(i, end, math=math)
            return f" ({(text or '').strip()})", i
        if name in ("illustration", "caption"):
            if name == "illustration":
                _, i = self._raw_group(i, end)
                _, i = self._raw_group(i, end)
            else:
                _, i = self._optional(i, end)
            text, i = self._group(i, end, math=math)
            text = (text or "").strip()
            return (f"\n\n[Illustration: {text}]\n\n" if text else ""), i
        if name == "constant":
            key, i = self._raw_group(i, end)
            key = (key or "").strip()
            return str(self.constants.get(key, key)), i
        if name in ("newcommand", "renewcommand", "providecommand", "def", "DeclareMathOperator"):
            return "", self._skip_definition(i, end)
        bare = name.rstrip("*")
        if bare in _DROP or name in _DROP:
            n = _DROP.get(name, _DROP.get(bare, 0))
            _, i = self._optional(i, end)
            for _ in range(n):
                _, i = self._raw_group(i, end)
            if name in ("left", "right", "middle") and i < end and src[i] == ".":
                i += 1  # \left. is an invisible delimiter
            return ("\n\n" if name in ("par", "newline") else ""), i
        # Anything else (\emph, \textbf, \texttt, \mathrm, \text, \underline, unknown macros):
        # keep the text of its argument, drop the command's name.
        if i < end and src[i] == "[":
            _, i = self._optional(i, end)
        arg, i = self._group(i, end, math=math)
        return (arg or ""), i

    def _skip_definition(self, i: int, end: int) -> int:
        src = self.src
        while i < end and src[i] in " \t":
            i += 1
        if i < end and src[i] == "\\":  # \newcommand\foo or \def\foo
            m = re.compile(r"\\([A-Za-z]+|.)").match(src, i, end)
            i = m.end() if m else i + 1
        else:
            _, i = self._raw_group(i, end)
        while i < end and src[i] in "[#0123456789":
            if src[i] == "[":
                _, i = self._optional(i, end)
            else:
                i += 1
        _, i = self._raw_group(i, end)
        return i

    def _item(self, label: str | None) -> str:
        if not self.lists:
            return "\n- " if label is None else f"\n{label} "
        level = self.lists[-1]
        level[1] = int(level[1]) + 1
        indent = _INDENT * (2 * (len(self.lists) - 1))
        if label is not None:
            marker = self.render_fragment(label)
        elif level[0] == "1":
            marker = f"{level[1]}."
        else:
            marker = "-"
        return f"\n{indent}{marker} "

    def render_fragment(self, text: str) -> str:
        r = _Renderer(text, self.constants)
        return r.render(0, len(text), math=False).strip()

    def _environment(self, edge: str, i: int, end: int, math: bool) -> tuple[str, int]:
        env, i = self._raw_group(i, end)
        env = (env or "").strip()
        if edge == "end":  # an unmatched \end: ignore
            return "", i
        close_re = re.compile(r"\\(begin|end)\s*\{" + re.escape(env) + r"\}")
        depth, body_end, after = 1, end, end
        for m in close_re.finditer(self.src, i, end):
            depth += 1 if m.group(1) == "begin" else -1
            if depth == 0:
                body_end, after = m.start(), m.end()
                break
        if env in _VERBATIM_ENVS:
            _, i = self._optional(i, body_end)
            body = self.src[i:body_end].strip("\n")
            self.verbatim.append(body)
            return f"\n\n{_VERB_MARK.format(len(self.verbatim) - 1)}\n\n", after
        _, i = self._optional(i, body_end)
        for _ in range(_ENV_ARGS.get(env, 0)):
            _, i = self._raw_group(i, body_end)
        if env in _LIST_ENVS:
            nested = bool(self.lists)
            self.lists.append([_LIST_ENVS[env], 0])
            body = self.render(i, body_end, math=math)
            self.lists.pop()
            return (f"{body}\n" if nested else f"\n{body}\n\n"), after
        if env in _TABLE_ENVS:
            self.in_table += 1
            body = self.render(i, body_end, math=math or env == "array")
            self.in_table -= 1
            rows = [r.strip(" |") for r in body.split("\n")]
            rows = [f"| {r} |" for r in rows if r.strip()]
            return "\n\n" + "\n".join(rows) + "\n\n", after
        if env in _MATH_ENVS:
            return "\n\n" + self.render(i, body_end, math=True) + "\n\n", after
        return "\n\n" + self.render(i, body_end, math=math) + "\n\n", after

    # -- clean-up -------------------------------------------------------------------------
    def finish(self, text: str) -> str:
        lines = []
        for line in text.split("\n"):
            line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
            line = re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", line))
            lines.append(line.replace(_INDENT, " "))
        out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        for n, body in enumerate(self.verbatim):
            out = out.replace(_VERB_MARK.format(n), body)
        return out

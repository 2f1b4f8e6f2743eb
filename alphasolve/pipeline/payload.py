"""Problem data and model directories through Ray's object store, for nodes without the files.

A judge node needs no copy of the problem directory. The driver puts each problem in the
object store once (`put_problem`); judge actors receive the judge payload's reference and
`materialise` it on their node into a Problem that judges exactly as the loaded one: small
tests inline, large ones as objects of their own, fetched once per node into a
content-addressed cache (the judge still hands the program a real file as stdin), and the
checker program in a cache directory beside its headers. Samplers get a Problem of their
own, examples and reference solutions inline and no hidden tests. A model directory a
sampler node lacks travels the same way (`ship_model`, `local_model_dir`).

The cache (ALPHASOLVE_CACHE, else ~/.cache/alphasolve) only ever gains complete files,
named by their content's SHA-256: concurrent actors on a node may fill it at once, a file
is never fetched twice, and it may be deleted between runs.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import shutil
import tempfile
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import ray
from ray import ObjectRef

from alphasolve.errors import AlphasolveError, ProblemError
from alphasolve.problem import Blob, Problem, TestCase
from judges.checkers.program import checker_headers

__all__ = [
    "CACHE_ENV",
    "INLINE_MAX",
    "CheckerPayload",
    "Content",
    "JudgePayload",
    "ModelMissing",
    "ModelSource",
    "PayloadRef",
    "ProblemCache",
    "TestPayload",
    "cache_root",
    "directory_size",
    "has_model",
    "local_model_dir",
    "materialise",
    "model_manifest",
    "node_label",
    "put_problem",
    "sampler_view",
    "ship_model",
]

CACHE_ENV = "ALPHASOLVE_CACHE"
# Larger test files travel as objects of their own, fetched only by a node that lacks them;
# smaller ones ride inside the payload (a few thousand tiny files as objects would cost more
# in object-store bookkeeping than their bytes).
INLINE_MAX = 256 * 1024


class ModelMissing(AlphasolveError):
    """A sampler's node has no copy of the model directory and none was shipped."""


@dataclass(frozen=True)
class Content:
    """A file's bytes for the judge: inline, or an object of its own (a uint8 array)."""

    digest: str  # SHA-256 of the bytes: the file's name in a node's cache
    size: int
    data: bytes | None = None
    ref: ObjectRef | None = None


@dataclass(frozen=True)
class TestPayload:
    __test__ = False  # keep pytest from collecting this class

    name: str
    group: str
    input: Content
    answer: Content | None


@dataclass(frozen=True)
class CheckerPayload:
    """A custom checker program and the headers it compiles with, by file name."""

    digest: str
    program: str  # the program's file name (its suffix picks the language)
    files: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class JudgePayload:
    """What a judge needs of one problem, with no path into the problem directory."""

    key: str  # a digest of everything below: equal keys judge identically
    problem: Problem  # no tests or solutions; program paths as the driver named them
    examples: tuple[TestPayload, ...]
    hidden: tuple[TestPayload, ...]  # empty unless asked for (eval's hidden tests)
    checker: CheckerPayload | None
    interactor: CheckerPayload | None = None  # interactive problems' interactor program


@dataclass(frozen=True)
class PayloadRef:
    """A problem in the object store. Hold it while the problem is open: dropping it lets
    Ray free the objects."""

    problem_id: str
    judge: ObjectRef  # -> JudgePayload: pass it to judge actors as an argument
    sampler: ObjectRef  # -> Problem (sampler_view): pass it to sampler actors


@dataclass(frozen=True)
class ModelSource:
    """Where a sampler actor finds its model."""

    path: str | None  # the directory as the driver names it; None: the model in the package
    # (relative path, size) of each file as the driver sees them: a node "has" the model
    # when its directory matches (an empty mount point or a half-copied directory does
    # not). Empty: the driver lacks the directory, and any non-empty one counts.
    manifest: tuple[tuple[str, int], ...] = ()
    digest: str = ""
    ref: ObjectRef | None = None  # the directory's files, when some sampler node lacks it


# ----- the driver's side -----


def put_problem(
    problem: Problem, *, hidden: bool = False, inline_max: int = INLINE_MAX
) -> PayloadRef:
    """Put `problem` in the object store for judges (hidden tests only when `hidden`: eval
    needs them, solve does not) and for samplers (never any hidden test)."""
    payload = judge_payload(problem, hidden=hidden, inline_max=inline_max)
    return PayloadRef(problem.id, ray.put(payload), ray.put(sampler_view(problem)))


def judge_payload(problem: Problem, *, hidden: bool, inline_max: int = INLINE_MAX) -> JudgePayload:
    def tests(cases: tuple[TestCase, ...]) -> tuple[TestPayload, ...]:
        return tuple(
            TestPayload(
                t.name,
                t.group,
                _content(t.input, inline_max, problem.id),
                None if t.answer is None else _content(t.answer, inline_max, problem.id),
            )
            for t in cases
        )

    examples = tests(problem.examples)
    hidden_tests = tests(problem.hidden_tests) if hidden else ()
    checker = _program_payload(problem.checker.program, "checker", problem.id)
    interactor = _program_payload(
        problem.interactor.program if problem.interactor else None, "interactor", problem.id
    )
    specs = (problem.time_limit, problem.memory_limit, problem.checker, problem.interactor)
    parts = [problem.id, repr(specs)]
    parts += [f"example:{_describe(t)}" for t in examples]
    parts += [f"hidden:{_describe(t)}" for t in hidden_tests]
    parts += [checker.digest if checker else "", interactor.digest if interactor else ""]
    bare = replace(problem, examples=(), hidden_tests=(), solutions=())
    key = _sha("\0".join(parts).encode())
    return JudgePayload(key, bare, examples, hidden_tests, checker, interactor)


def sampler_view(problem: Problem) -> Problem:
    """The problem as a sampler sees it: the statement's examples and the reference
    solutions (the fake sampler's pool) inline, so no file is read on the sampler's node;
    no hidden tests. The driver works from it too once the problem is put: the problem's
    files are then read once, when it opens."""
    examples = tuple(
        replace(t, input=_inline(t.input), answer=None if t.answer is None else _inline(t.answer))
        for t in problem.examples
    )
    solutions = tuple(replace(s, source=_inline(s.source)) for s in problem.solutions)
    return replace(problem, examples=examples, hidden_tests=(), solutions=solutions)


def ship_model(model_dir: Path) -> ModelSource:
    """The model directory in the object store, one object for the whole directory (models
    of tens of MB; larger ones belong on shared storage)."""
    files = tuple(
        (str(p.relative_to(model_dir)), p.read_bytes())
        for p in sorted(model_dir.rglob("*"))
        if p.is_file()
    )
    return ModelSource(
        str(model_dir), model_manifest(model_dir), _dir_digest(files), ray.put(files)
    )


def model_manifest(model_dir: Path) -> tuple[tuple[str, int], ...]:
    """(relative path, size) of every file under `model_dir`; empty where it is missing."""
    if not model_dir.is_dir():
        return ()
    return tuple(
        (str(p.relative_to(model_dir)), p.stat().st_size)
        for p in sorted(model_dir.rglob("*"))
        if p.is_file()
    )


def has_model(model_dir: Path, manifest: tuple[tuple[str, int], ...]) -> bool:
    """Whether this node's `model_dir` holds the model the driver sees (by `manifest`)."""
    found = model_manifest(model_dir)
    return bool(found) and (not manifest or set(manifest) <= set(found))


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _inline(blob: Blob) -> Blob:
    return blob if blob.data is not None else Blob.of(blob.read())


def _describe(t: TestPayload) -> str:
    return f"{t.group}/{t.name}:{t.input.digest}:{t.answer.digest if t.answer else ''}"


def _content(blob: Blob, inline_max: int, problem_id: str) -> Content:
    if blob.data is not None:
        digest = _sha(blob.data)
        if len(blob.data) <= inline_max:
            return Content(digest, len(blob.data), data=blob.data)
        return Content(digest, len(blob.data), ref=ray.put(np.frombuffer(blob.data, np.uint8)))
    assert blob.path is not None
    try:
        size = blob.path.stat().st_size
        if size <= inline_max:
            data = blob.path.read_bytes()
            return Content(_sha(data), size, data=data)
        # Copied from a memory map of the file straight into the object store: the bytes
        # pass through the page cache, never the driver's heap.
        with open(blob.path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            view = np.frombuffer(m, np.uint8)
            content = Content(_sha(view), size, ref=ray.put(view))
            del view  # the map cannot close while an array still points into it
        return content
    except OSError as exc:
        raise ProblemError(
            blob.path, f"cannot read: {exc.strerror or exc}", problem=problem_id
        ) from None


def _program_payload(program: Path | None, role: str, problem_id: str) -> CheckerPayload | None:
    """A checker's or interactor's program with the headers the judge compiles it with."""
    if program is None:
        return None
    try:
        files = tuple((p.name, p.read_bytes()) for p in (program, *checker_headers(program)))
    except OSError as exc:
        raise ProblemError(
            program, f"cannot read the {role}: {exc.strerror or exc}", problem=problem_id
        ) from None
    return CheckerPayload(_dir_digest(files), program.name, files)


# ----- the judge's (and sampler's) side -----


def cache_root() -> Path:
    """This node's cache: $ALPHASOLVE_CACHE, else $XDG_CACHE_HOME/alphasolve, else
    ~/.cache/alphasolve."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alphasolve"


def materialise(payload: JudgePayload, cache: Path | None = None) -> Problem:
    """The payload as a Problem whose files are on this node (fetched into the cache only
    when missing there). Idempotent."""
    root = cache or cache_root()
    examples = tuple(_test(t, root) for t in payload.examples)
    hidden = tuple(_test(t, root) for t in payload.hidden)
    checker = payload.problem.checker
    if payload.checker is not None:
        checker = replace(checker, program=_program(payload.checker, root))
    interactor = payload.problem.interactor
    if interactor is not None and payload.interactor is not None:
        interactor = replace(interactor, program=_program(payload.interactor, root))
    return replace(
        payload.problem,
        examples=examples,
        hidden_tests=hidden,
        checker=checker,
        interactor=interactor,
    )


def _program(program: CheckerPayload, root: Path) -> Path:
    """The program in its cache directory, beside its headers."""
    return _unpack(program.files, root / "checkers" / program.digest) / program.program


class ProblemCache:
    """A judge actor's materialised problems, the newest `capacity` by payload key."""

    def __init__(self, capacity: int = 64, cache: Path | None = None) -> None:
        self.capacity = capacity
        self.cache = cache
        self._problems: OrderedDict[str, Problem] = OrderedDict()

    def get(self, payload: JudgePayload) -> Problem:
        problem = self._problems.get(payload.key)
        if problem is None:
            problem = self._problems[payload.key] = materialise(payload, self.cache)
            while len(self._problems) > self.capacity:
                self._problems.popitem(last=False)
        self._problems.move_to_end(payload.key)
        return problem


def local_model_dir(source: ModelSource, cache: Path | None = None) -> Path | None:
    """The model directory on this node: the driver's path where this node has it, else
    the shipped copy in the cache. None: the model shipped in the package."""
    if source.path is None:
        return None
    if has_model(Path(source.path), source.manifest):
        return Path(source.path)
    if source.ref is None:
        raise ModelMissing(f"sampler {node_label()}: model directory {source.path} is missing")
    files = ray.get(source.ref)
    return _unpack(files, (cache or cache_root()) / "models" / source.digest)


def node_label(node_id: str | None = None, address: str | None = None) -> str:
    """How messages name a node: its address and the start of its Ray node id (nodes on
    one machine share the address). Without arguments: the node this runs on."""
    if node_id is None:
        node_id = ray.get_runtime_context().get_node_id()
        address = ray.util.get_node_ip_address()
    return f"node {address} ({node_id[:8]})"


def _test(t: TestPayload, root: Path) -> TestCase:
    answer = None if t.answer is None else _blob(t.answer, root)
    return TestCase(t.name, _blob(t.input, root), answer, t.group)


def _blob(content: Content, root: Path) -> Blob:
    if content.data is not None:
        return Blob.of(content.data)
    return Blob.file(_fetch(content, root))


def _fetch(content: Content, root: Path) -> Path:
    path = root / "blobs" / content.digest[:2] / content.digest
    if path.is_file():  # complete: files only ever appear by an atomic rename
        return path
    assert content.ref is not None
    view = ray.get(content.ref)  # read-only, in the node's shared memory: no copy here
    if _sha(view) != content.digest:
        raise AlphasolveError(f"{node_label()}: test file {content.digest[:12]} arrived corrupted")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(memoryview(view))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _unpack(files: tuple[tuple[str, bytes], ...], directory: Path) -> Path:
    """`files` as `directory`, created whole by one rename (so a directory that exists is
    complete); another actor's copy, if it got there first, is kept."""
    if directory.is_dir():
        return directory
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=directory.parent, prefix=".part-"))
    try:
        for name, data in files:
            target = tmp / name
            if not target.resolve().is_relative_to(tmp.resolve()):
                raise AlphasolveError(f"refusing to unpack {name!r} outside {directory}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        tmp.chmod(0o755)
        os.rename(tmp, directory)
    except OSError:
        if not directory.is_dir():
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return directory


def _dir_digest(files: tuple[tuple[str, bytes], ...]) -> str:
    return _sha(
        b"".join(_sha(name.encode()).encode() + _sha(data).encode() for name, data in files)
    )


def _sha(data: bytes | np.ndarray | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()

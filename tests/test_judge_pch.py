"""The precompiled <bits/stdc++.h>: built once, used by sandboxed compiles, refused when unsafe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from judges import Blob, Judge, JudgeConfig, TestCase, Verdict
from judges.config import Limits
from judges.executors import pch
from judges.executors.cpp17 import FLAGS

pytestmark = pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")

PROGRAM = """#include <bits/stdc++.h>
using namespace std;
int main() { int n; cin >> n; vector<int> v(n); iota(v.begin(), v.end(), 1);
  cout << accumulate(v.begin(), v.end(), 0) << "\\n"; }
"""


def test_header_is_built_for_the_flags_and_private() -> None:
    root = pch.precompiled_dir(shutil.which("g++") or "g++", FLAGS, "test-version")
    assert root is not None
    gch = root / "bits" / "stdc++.h.gch"
    assert gch.is_file() and gch.stat().st_size > 1_000_000
    assert not gch.stat().st_mode & 0o022  # nobody else can rewrite it
    # Built once: the second call answers from the process cache with the same directory.
    assert pch.precompiled_dir(shutil.which("g++") or "g++", FLAGS, "test-version") == root


def test_shared_directory_writable_by_others_is_refused(tmp_path: Path) -> None:
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    open_dir.chmod(0o777)
    assert not pch._private_dir(open_dir)
    private = tmp_path / "private"
    private.mkdir(mode=0o755)
    assert pch._private_dir(private)
    link = tmp_path / "link"
    link.symlink_to(private)
    assert not pch._private_dir(link)


@pytest.mark.parametrize("use_pch", [True, False])
def test_programs_compile_and_run_the_same_with_and_without(use_pch: bool) -> None:
    with Judge(JudgeConfig(workers=1, cpp_pch=use_pch)) as judge:
        prepared = judge.prepare("cpp17", PROGRAM + f"// {use_pch}\n")
        assert prepared.compile_error is None
        result = judge.run(prepared, TestCase("t", Blob.of("4\n"), Blob.of("10\n")), Limits())
        assert result.verdict is Verdict.AC


def test_a_broken_program_still_reports_its_error_with_the_header() -> None:
    with Judge(JudgeConfig(workers=1)) as judge:
        prepared = judge.prepare(
            "cpp17", "#include <bits/stdc++.h>\nint main() { undefined_name; }\n"
        )
        assert prepared.compile_error is not None
        assert "undefined_name" in prepared.compile_error
        assert str(Path(os.sep, "tmp")) not in prepared.compile_error  # no host paths leak

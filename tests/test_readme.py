"""The README is true: its commands run, and every CLI command is documented."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Commands in the README's command-line block that need neither a server nor a terminal.
RUNNABLE = re.compile(r"^bleedcheck (assess|kb|eval|parse|diary)\b")


def readme_commands() -> list[str]:
    block = re.search(r"## Command line\s+```sh\n(.*?)```", README, flags=re.S)
    assert block, "README needs a '## Command line' section with a sh block"
    lines = [line.split("  #")[0].strip() for line in block.group(1).splitlines()]
    return [line for line in lines if RUNNABLE.match(line) and "<" not in line]


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command, tmp_path):
    """Each command runs as a user would type it, in a scratch folder (reports land there)."""
    args = shlex.split(command)[1:]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    proc = subprocess.run(
        [sys.executable, "-m", "bleedcheck.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_every_cli_command_is_in_the_readme():
    from bleedcheck.cli import app, kb_app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [f"kb {c.name}" for c in kb_app.registered_commands]
    for name in names:
        assert f"bleedcheck {name}" in README, name


def test_readme_shows_the_two_commands_and_the_disclaimer():
    assert "make test" in README and "make run" in README
    assert "not a diagnosis" in README

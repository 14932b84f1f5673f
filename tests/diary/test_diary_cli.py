"""`bleedcheck diary ...` as a user runs it: real subprocesses, files, exit codes and stderr."""

from __future__ import annotations

import json

import pytest

from tests.diary.helpers import BETWEEN_RU, REGULAR
from tests.test_cli import run

TODAY = ("--today", "2026-07-01")


def test_analyse_prints_the_cycle_table_and_the_classification():
    proc = run("diary", "analyse", str(REGULAR), *TODAY, "--age", "30")
    assert proc.returncode == 0, proc.stderr
    for text in ("Bleeding episodes", "FIGO 2018 classification", "2026-06-23", "regular"):
        assert text in proc.stdout
    assert "does not show" in proc.stdout and "heavy_periods" in proc.stdout


def test_analyse_in_russian():
    proc = run("diary", "analyse", str(BETWEEN_RU), *TODAY, "--lang", "ru")
    assert proc.returncode == 0, proc.stderr
    assert "Классификация FIGO 2018" in proc.stdout and "повторяются" in proc.stdout


def test_analyse_json_has_the_analysis_and_the_findings():
    proc = run("diary", "analyse", str(BETWEEN_RU), *TODAY, "--json", "--age", "42")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    volume = next(c for c in data["analysis"]["classifications"] if c["parameter"] == "volume")
    assert volume["status"] == "heavy" and volume["numbers"]["mean_heavy_days"] == 3.0
    assert set(volume["explanation"]) == {"en", "ru"}
    found = {f["id"]: f["state"] for f in data["findings"]}
    assert found["heavy_periods"] == "present" and found["postcoital_over_4w"] == "present"


def test_assess_runs_the_engine_on_the_diary():
    proc = run("diary", "assess", str(BETWEEN_RU), *TODAY, "--age", "42", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["evidence"]["heavy_periods"] == "present" and data["age"] == 42
    assert data["conditions"] and data["triage"]["level"]
    plain = run("diary", "assess", str(BETWEEN_RU), *TODAY, "--age", "42")
    assert plain.returncode == 0, plain.stderr
    assert "Possible causes" in plain.stdout and "not a diagnosis" in plain.stdout


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_chart_writes_the_file(tmp_path, suffix):
    output = tmp_path / f"diary{suffix}"
    proc = run("diary", "chart", str(REGULAR), "-o", str(output), *TODAY)
    assert proc.returncode == 0, proc.stderr
    data = output.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("analyse", "{bad}"), "line 3, flow: 'lots' is not a flow"),
        (("assess", "{bad}"), "line 3, flow: 'lots' is not a flow"),
        (("chart", "{bad}", "-o", "{out}"), "line 3, flow: 'lots' is not a flow"),
        (("analyse", "{missing}"), "no such file"),
        (("analyse", str(REGULAR), "--today", "July"), "--today: 'July' is not a date"),
        (("chart", str(REGULAR), "-o", "{txt}"), "end in .png or .svg"),
    ],
)
def test_bad_input_is_one_message_and_exit_2(tmp_path, args, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,flow\n2020-01-01,light\n2020-01-02,lots\n", encoding="utf-8")
    paths = {
        "bad": bad,
        "missing": tmp_path / "missing.csv",
        "out": tmp_path / "o.png",
        "txt": tmp_path / "o.txt",
    }
    proc = run("diary", *(a.format(**paths) for a in args))
    assert proc.returncode == 2
    assert message in " ".join(proc.stderr.split())
    assert "Traceback" not in proc.stderr


def test_help_names_the_examples():
    proc = run("diary", "--help")
    assert proc.returncode == 0
    assert "examples/diary/regular_cycles.csv" in proc.stdout
    for command in ("analyse", "assess", "chart"):
        assert command in proc.stdout

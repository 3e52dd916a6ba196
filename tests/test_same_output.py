"""bench/same_output.py: a snapshot of the extraction output, compared row for row."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bench_same_output", ROOT / "bench" / "same_output.py")
same_output = importlib.util.module_from_spec(spec)
spec.loader.exec_module(same_output)


def test_write_then_check_is_identical(tmp_path, capsys):
    raw = ROOT / "raw"
    assert same_output.main(["--write", str(tmp_path), str(raw)]) == 0
    assert same_output.main(["--check", str(tmp_path), str(raw)]) == 0
    assert "identical" in capsys.readouterr().out


def test_a_changed_field_is_a_difference(tmp_path, capsys):
    raw = ROOT / "raw"
    same_output.main(["--write", str(tmp_path), str(raw)])
    snap = tmp_path / same_output.snap_name(raw)
    lines = snap.read_text(encoding="utf-8").splitlines()
    assert lines, "raw/ has cohorts"
    snap.write_text("\n".join([lines[0].replace('"lang": "', '"lang": "x')] + lines[1:]) + "\n", encoding="utf-8")
    assert same_output.main(["--check", str(tmp_path), str(raw)]) == 1
    assert "lang" in capsys.readouterr().out


def test_floats_are_compared_by_repr():
    assert same_output._value({"b": 0.1 + 0.2, "a": [1.0]}) == {"a": ["1.0"], "b": "0.30000000000000004"}

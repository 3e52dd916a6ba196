"""The core never imports prefect: checked in a fresh interpreter and by import-linter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_core_modules_do_not_import_prefect():
    code = (
        "import pkgutil, importlib, sys, flows.core, schemas\n"
        "for m in pkgutil.walk_packages(flows.core.__path__, 'flows.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'flows.core.extract.zh.article' in sys.modules\n"
        "import flows.cli\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'prefect'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_import_linter_contracts_hold():
    """Layers: extract never imports warehouse/run/present, the warehouse never imports a
    language package, only flows/ imports prefect (pyproject.toml [tool.importlinter])."""
    lint = Path(sys.executable).parent / "lint-imports"
    out = subprocess.run([str(lint), "--config", "pyproject.toml"], capture_output=True, text=True, cwd=ROOT)
    assert "Contracts: 4 kept, 0 broken" in out.stdout, out.stdout + out.stderr
    assert out.returncode == 0, out.stdout + out.stderr

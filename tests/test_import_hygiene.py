"""The core never imports prefect: checked in a fresh interpreter and by import-linter."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_core_modules_do_not_import_prefect():
    code = (
        "import pkgutil, importlib, sys, flows.core, schemas\n"
        "for m in pkgutil.iter_modules(flows.core.__path__):\n"
        "    importlib.import_module('flows.core.' + m.name)\n"
        "import flows.cli\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'prefect'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_import_linter_contract_holds():
    out = subprocess.run([sys.executable, "-m", "importlinter.cli", "--config", "pyproject.toml"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0 and "No module named" in out.stderr:
        out = subprocess.run(["lint-imports"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr

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


MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60


def test_modules_and_functions_stay_short():
    """A module a newcomer reads in one sitting, a function that does one step (issue 11)."""
    import ast

    too_long = []
    for path in sorted((ROOT / "flows").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []


def test_no_module_level_mutable_state():
    """Run state lives in objects and context variables, never in module-level lists or dicts
    that one run leaves behind for the next."""
    import ast

    found = []
    for path in sorted((ROOT / "flows").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target, value = None, None
            if isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            empty_container = isinstance(value, (ast.List, ast.Dict, ast.Set)) and not (
                getattr(value, "elts", None) or getattr(value, "keys", None)
            )
            empty_call = (
                isinstance(value, ast.Call)
                and getattr(value.func, "id", None) in ("list", "dict", "set", "defaultdict", "deque")
                and not value.args
            )
            if isinstance(target, ast.Name) and (empty_container or empty_call):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {target.id}")
    assert found == []

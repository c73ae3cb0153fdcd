"""desk.extract is a pure core module: no UI or store libraries, nothing from desk but desk.errors."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import desk.extract

PACKAGE = Path(desk.extract.__file__).parent

BLOCKED_IMPORT = """
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'textual', 'click', 'sqlite_utils'}:
            raise ImportError(f'{name} is blocked in this test')
sys.meta_path.insert(0, Block())
import desk.extract
for info in pkgutil.walk_packages(desk.extract.__path__, 'desk.extract.'):
    importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.startswith('desk.') and not m.startswith('desk.extract')))
"""


def test_imports_without_ui_or_store_libraries() -> None:
    out = subprocess.run([sys.executable, "-c", BLOCKED_IMPORT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['desk.errors']"


def test_source_imports_nothing_from_desk_but_errors() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if (n == "desk" or n.startswith("desk."))
                and n != "desk.errors"
                and not n.startswith("desk.extract")
            ]
    assert offenders == []

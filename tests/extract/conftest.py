"""Fixtures for the extract tests: real PDF and DOCX files built in ``tmp_path``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # ``tests.extract.builders`` also under a bare ``pytest`` run
    sys.path.insert(0, str(ROOT))

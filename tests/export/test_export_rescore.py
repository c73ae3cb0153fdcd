"""A server re-scores every exported application from the export alone and gets the same bytes.

The re-scoring runs in a fresh interpreter where textual, click and sqlite_utils
cannot be imported at all (an import hook raises), as on a server that installs
only desk's pure core.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desk.export import export_to_file
from desk.store import Store

RESCORE = """
import json, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'textual', 'click', 'sqlite_utils'}:
            raise ImportError(f'{name} is blocked in this test')
sys.meta_path.insert(0, Block())

from desk.model import CandidateFacts, Job
from desk.scoring import SCORER_VERSION, score

path, fmt = sys.argv[1], sys.argv[2]
if fmt == 'json':
    doc = json.load(open(path, encoding='utf-8'))
else:
    doc = {'jobs': [], 'candidates': [], 'applications': []}
    for line in open(path, encoding='utf-8'):
        item = json.loads(line)
        kind = item.pop('type')
        if kind in ('header',):
            doc.update(item)
        elif kind + 's' in doc:
            doc[kind + 's'].append(item)
assert doc['scorer_version'] == SCORER_VERSION
jobs = {j['id']: Job.from_dict(j['parsed']) for j in doc['jobs']}
facts = {c['id']: CandidateFacts.from_dict(c['facts']) for c in doc['candidates']}
same = different = 0
for a in doc['applications']:
    result = score(jobs[a['job_id']], facts[a['candidate_id']]).to_dict()
    if result == a['breakdown'] and result['score'] == a['score']:
        same += 1
    else:
        different += 1
blocked = [m for m in ('textual', 'click', 'sqlite_utils') if m in sys.modules]
print(json.dumps({'same': same, 'different': different, 'loaded': blocked}))
"""


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_server_rescoring_equals_the_export(desk: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    summary = export_to_file(desk, out, fmt=fmt)
    proc = subprocess.run(
        [sys.executable, "-c", RESCORE, str(out), fmt], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"same": summary["counts"]["applications"], "different": 0, "loaded": []}
    assert result["same"] > 10

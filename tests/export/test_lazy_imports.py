"""reportlab, python-docx, Pillow and jsonschema-rs load with the first export, not with the app.

A fresh interpreter, because this test process has loaded them long ago.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HEAVY = ("reportlab", "docx", "PIL", "jsonschema_rs")

_SCRIPT = """
import json, sys
from workshop import service
from workshop.web import create_app

app = create_app({"DATABASE_URL": sys.argv[1], "ASYNC_MODE": "threading",
                  "PUBLIC_URL": "http://192.0.2.10:5000"})
heavy = json.loads(sys.argv[2])
loaded = {"start": [m for m in heavy if m in sys.modules]}
store = app.extensions["store"]
created = service.create_workshop(store, {"title": "Lui laden"})
sizes = {}
for format_ in ("md", "csv", "json", "pdf", "docx"):
    content, _mimetype, _name = service.exports.export(store, created.workshop.id, format_)
    sizes[format_] = content[:4].hex()
    loaded[format_] = [m for m in heavy if m in sys.modules]
document = json.loads(service.exports.export(store, created.workshop.id, "json")[0])
service.exports.import_workshop(store, document, 1000)
loaded["import"] = [m for m in heavy if m in sys.modules]
print(json.dumps({"loaded": loaded, "sizes": sizes}))
"""


def test_a_server_loads_the_report_libraries_only_when_it_first_exports(tmp_path):
    result = subprocess.run([sys.executable, "-c", _SCRIPT, f"sqlite:///{tmp_path / 'l.db'}",
                             json.dumps(HEAVY)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    loaded = answer["loaded"]
    assert loaded["start"] == loaded["md"] == loaded["csv"] == loaded["json"] == []
    assert "reportlab" in loaded["pdf"] and "docx" not in loaded["pdf"]
    assert "docx" in loaded["docx"]
    assert "jsonschema_rs" in loaded["import"]
    # the files themselves: a PDF, and ZIP containers for Word and the CSV bundle
    assert answer["sizes"]["pdf"] == b"%PDF".hex()
    assert answer["sizes"]["docx"] == answer["sizes"]["csv"] == b"PK\x03\x04".hex()

"""Fetch the browser libraries graph.html inlines (graph/vendor/vendor.json) from the npm registry again:
each package's tarball, checked against the integrity the registry states, and the one built file the
page needs, with its licence. Run by hand after changing a version in vendor.json; it rewrites the
recorded sha256 that a test checks the shipped files against.

    python tools/vendor.py
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import urllib.request
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "graph" / "vendor"


def main() -> None:
    entries = json.loads((VENDOR / "vendor.json").read_text(encoding="utf-8"))
    for entry in entries:
        with urllib.request.urlopen(entry["tarball"], timeout=60) as response:
            tarball = response.read()
        algorithm, _, expected = entry["integrity"].partition("-")
        if base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode() != expected:
            raise SystemExit(f"{entry['tarball']}: not the tarball the registry's integrity names")
        with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
            for member, target in ((entry["from"], entry["file"]), ("LICENSE.txt", entry["license"])):
                data = tar.extractfile(f"package/{member}")
                if data is None:
                    raise SystemExit(f"{entry['tarball']}: no {member}")
                (VENDOR / target).write_bytes(data.read())
        entry["sha256"] = hashlib.sha256((VENDOR / entry["file"]).read_bytes()).hexdigest()
        print(f"{entry['package']} {entry['version']}: {entry['file']}")
    (VENDOR / "vendor.json").write_text(json.dumps(entries, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

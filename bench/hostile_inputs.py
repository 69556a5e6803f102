"""For each hostile input: exit status, wall time and peak memory of `cv-translator translate`.

Run with `.venv/bin/python bench/hostile_inputs.py`. Each input runs in a fresh process whose peak
resident memory (including the forked reader) is read with getrusage.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))

import hostile  # noqa: E402

PROBE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "took = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "print(p.returncode, f'{took:.2f}', f'{peak:.0f}', (p.stderr.strip().splitlines() or [''])[-1][:90], sep='\\t')\n"
)


def main() -> int:
    cli = str(Path(sys.executable).with_name("cv-translator"))
    print(f"{'input':34s} {'exit':>4s} {'seconds':>8s} {'peak MB':>8s}  message")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, make in hostile.ALL.items():
            path = make(folder)
            out = folder / f"out-{path.stem}"
            result = subprocess.run(
                [sys.executable, "-c", PROBE, cli, "translate", str(path), "-o", str(out)],
                capture_output=True,
                text=True,
                check=True,
            )
            code, took, peak, message = result.stdout.rstrip("\n").split("\t")
            written = sum(1 for _ in out.iterdir()) if out.exists() else 0
            print(f"{label:34s} {code:>4s} {took:>8s} {peak:>8s}  {message or f'({written} files written)'}")
            time.sleep(0.1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

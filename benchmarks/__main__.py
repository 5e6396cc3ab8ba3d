"""Run every benchmark module of this folder in turn, each in its own process (clean peak-memory figures)."""

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
failed = []
for module in sorted(m for m in here.glob("*.py") if not m.stem.startswith("_")):
    print(f"\n=== benchmarks.{module.stem}", flush=True)
    if subprocess.run([sys.executable, "-m", f"benchmarks.{module.stem}", *sys.argv[1:]], check=False).returncode:
        failed.append(module.stem)
sys.exit(f"failed: {', '.join(failed)}" if failed else 0)

"""Benchmarks: `python -m benchmarks` runs every `*_bench.py` here; `python -m benchmarks.NAME` runs one."""

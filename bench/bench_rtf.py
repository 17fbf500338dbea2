"""Times RTF intake on adversarial inputs (many font switches, a long font table): prints, never asserts.

PYTHONPATH=. .venv/bin/python bench/bench_rtf.py
"""

from __future__ import annotations

import time

from knowledge.rtf import rtf_text

CASES = {
    "15000 font switches in the body": b"{\\rtf1\\ansi " + b"\\f1 " * 15000 + b"}",
    "15000 fonts in the font table": b"{\\rtf1\\ansi{\\fonttbl"
    + b"".join(b"{\\f%d\\fnil\\fcharset134 SimSun;}" % n for n in range(15000))
    + b"}\\f1 \\'d6\\'d0}",
}


def main() -> None:
    for name, data in CASES.items():
        start = time.perf_counter()
        rtf_text(data, "bench.rtf")
        print(f"{name}: {time.perf_counter() - start:.3f} s ({len(data)} bytes)")


if __name__ == "__main__":
    main()

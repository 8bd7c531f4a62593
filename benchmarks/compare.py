#!/usr/bin/python3
"""Check that two result files agree as docs/design.md §1 demands: violation counts
equal, every float within 1e-9 relative (1e-12 absolute near zero).

    benchmarks/compare.py NOTEBOOK.json MONOTONE.json

Prints the worst relative difference; exits 1 on any disagreement.
"""

from __future__ import annotations

import json
import sys

FLOATS = ("total_absolute_error", "total_relative_error", "violation_rate", "absolute_error",
          "absolute_error_std", "relative_error", "relative_error_std")


def main(argv: list[str]) -> int:
    expected = json.load(open(argv[0]))["layers"]
    actual = json.load(open(argv[1]))["layers"]
    problems = [] if len(expected) == len(actual) else [f"{len(actual)} layers, expected {len(expected)}"]
    worst = 0.0
    for e, a in zip(expected, actual):
        for field in ("layer", "combinations", "violations_count"):
            if e[field] != a[field]:
                problems.append(f"layer {e['layer']}: {field} {a[field]}, expected {e[field]}")
        for field in FLOATS:
            x, y = e[field], a[field]
            if abs(x - y) > max(1e-9 * abs(x), 1e-12):
                problems.append(f"layer {e['layer']}: {field} {y!r}, expected {x!r}")
            if x != y:
                worst = max(worst, abs(x - y) / max(abs(x), 1e-300))
    for p in problems[:20]:
        print(p)
    violations = sum(layer["violations_count"] for layer in expected)
    print(f"{'agree' if not problems else 'DISAGREE'}: {len(expected)} layers, {violations} violations, "
          f"worst relative difference {worst:.2e}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""Run the notebook and `dotnet monotone analyze` on random tensors neither was tuned for.

Each case draws a shape (layers, heads, n), a dtype, a storage layout (contiguous,
transposed, permuted, a view into a larger storage with an offset) and a kind of
values (probabilities, peaked probabilities, raw logits), saves it with torch.save,
and compares the notebook's statistics with every engine's under docs/design.md §1's bar.

    /usr/bin/python3 scripts/check-against-notebook.py [--seed S] [--cases N] [--engines fast,reference,torch]

Needs Debian's python3-torch and a built tool (`dotnet build`). Exits 1 on any
disagreement and prints the seed, so a failing draw can be repeated.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import compare  # noqa: E402  (benchmarks/compare.py: the agreement bar)
import notebook  # noqa: E402

TOOL = ROOT / "tools" / "Monotone.Tool" / "bin" / "Debug" / "net10.0" / "dotnet-monotone.dll"


def draw(rng: random.Random, folder: Path, case: int) -> tuple[Path, str]:
    layers, heads, n = rng.randint(1, 4), rng.choice([1, 2, 3, 5, 7, 12, 16]), rng.choice([1, 2, 3, 17, 33, 48, 64, 96])
    torch.manual_seed(rng.randrange(2**31))
    kind = rng.choice(["probabilities", "peaked", "logits"])
    x = torch.randn(layers, heads, n, n, dtype=torch.float64)
    causal = torch.ones(n, n, dtype=torch.bool).tril()
    if kind == "probabilities":
        x = torch.softmax(x.masked_fill(~causal, float("-inf")), -1)
    elif kind == "peaked":
        x = torch.softmax(6 * x, -1)
    else:
        x = 30 * x
    dtype = rng.choice([torch.float32, torch.float16, torch.bfloat16, torch.float64])
    x = x.to(dtype)
    layout = rng.choice(["contiguous", "transposed", "permuted", "view"])
    if layout == "transposed":
        x = x.transpose(2, 3).contiguous().transpose(2, 3)
    elif layout == "permuted":
        x = x.permute(1, 0, 2, 3).contiguous().permute(1, 0, 2, 3)
    elif layout == "view":
        storage = torch.zeros(layers + 1, heads, n + 2, n + 2, dtype=dtype)
        storage[1:, :, 1:n + 1, 1:n + 1] = x
        x = storage[1:, :, 1:n + 1, 1:n + 1]
    path = folder / f"case{case}.pt"
    torch.save(x, path)
    return path, f"[{layers}, {heads}, {n}, {n}] {str(dtype).removeprefix('torch.')} {layout} {kind}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=random.randrange(10**6))
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--engines", default="fast,reference")
    args = parser.parse_args()
    print(f"seed {args.seed}")
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for case in range(args.cases):
            path, description = draw(rng, folder, case)
            expected = folder / f"case{case}.notebook.json"
            stats = notebook.notebook_stats(torch.load(path))
            expected.write_text(json.dumps({"layers": [{"layer": k + 1, **vars(s)} for k, s in enumerate(stats)]}))
            for engine in args.engines.split(","):
                actual = folder / f"case{case}.{engine}.json"
                subprocess.run(["dotnet", str(TOOL), "analyze", str(path), "-o", str(actual), "--engine", engine],
                               check=True, capture_output=True)
                print(f"case {case:2} {engine:9} {description}: ", end="", flush=True)
                failures += compare.main([str(expected), str(actual)])
    print(f"seed {args.seed}: {failures} disagreement(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

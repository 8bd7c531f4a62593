#!/usr/bin/python3
"""Write the benchmark inputs: deterministic [layers, heads, n, n] float32 tensors
saved with torch.save, like the upstream attention_probs_mean.pt files.

    /usr/bin/python3 benchmarks/make-inputs.py OUT_DIR [NAME ...]

Names: mpt-7b-256 (32 layers, 32 heads, n = 256; 268 MB), bloom-176b-256
(70 layers, 112 heads, n = 256; 2.1 GB), small-1024 (2 layers, 4 heads,
n = 1024; 34 MB). Without names, all three. Existing files are kept.

Each head is plausible mean attention: a causal softmax of Gaussian logits with
an attention sink on the first key, in float32. The tensors are generated a
layer at a time, but torch.save needs the whole tensor, so the bloom-176b input
takes about 2 GB of memory to write. Never commit these files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch

SHAPES = {
    "mpt-7b-256": (32, 32, 256),
    "bloom-176b-256": (70, 112, 256),
    "small-1024": (2, 4, 1024),
}


def layer(seed: int, heads: int, n: int) -> torch.Tensor:
    g = torch.Generator()
    g.manual_seed(seed)
    logits = torch.randn(heads, n, n, generator=g, dtype=torch.float32)
    logits[:, :, 0] += 4.0  # an attention sink, as real models have
    mask = torch.ones(n, n, dtype=torch.bool).tril()
    return torch.softmax(logits.masked_fill(~mask, float("-inf")), dim=-1)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name in argv[1:] or list(SHAPES):
        path = out / f"{name}.pt"
        if path.exists():
            print(f"{path}: exists")
            continue
        layers, heads, n = SHAPES[name]
        tensor = torch.empty(layers, heads, n, n, dtype=torch.float32)
        for l in range(layers):
            tensor[l] = layer(1000 * l + 1, heads, n)
        tmp = path.with_suffix(".tmp")
        torch.save(tensor, str(tmp))
        tmp.rename(path)
        print(f"{path}: {list(tensor.shape)} float32, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

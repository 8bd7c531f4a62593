#!/usr/bin/python3
"""The notebook's computation, as one importable module with a command line.

The functions below are those of the reference notebook
(shared/reference/attention-monotone-notebook.txt, kept in docs/), verbatim
apart from two things: einops calls are translated to torch calls with
identical semantics, and three parameters are added for option variations (a
slopes override, the violation epsilon and the relative-error floor), whose
defaults are the notebook's values. Everything that runs the notebook's code
imports it from here: tests/Monotone.Tests/Fixtures/make_fixtures.py (the
expected statistics of every fixture) and benchmarks/run-benchmarks.sh (the
notebook side of the timings).

Command line, with Debian's PyTorch (python3-torch, 1.13):

    /usr/bin/python3 scripts/notebook.py attention_probs_mean.pt -o result.json

writes {"layers": [{"layer": 1, "combinations": ..., ...}, ...]}, the
notebook's LayerStats per layer under its own field names, as Monotone's
result files hold them.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass

import torch

DEFAULT_EPSILON = 1e-10
DEFAULT_RELATIVE_FLOOR = 1e-5

# `sequence_length` is the notebook's global; notebook_stats sets it from each
# tensor's shape before the notebook's functions are called.

sequence_length = 256


@dataclass
class LayerStats:
    """Statistics for a single layer."""

    combinations: int = 0
    violations_count: int = 0
    total_absolute_error: float = 0.0
    total_relative_error: float = 0.0

    violation_rate: float = 0.0
    absolute_error: float = 0.0
    absolute_error_std: float = 0.0
    relative_error: float = 0.0
    relative_error_std: float = 0.0


def compute_alibi_slopes(
    n_heads: int,
    slopes_override: list[float] | None = None,
) -> torch.Tensor:
    """Compute the ALiBi slopes for each attention head."""
    if slopes_override is not None:
        # Option-variation cases replace the return value only.
        return torch.tensor(slopes_override, dtype=torch.float64)
    return torch.tensor(
        [pow(2, -8 * (h + 1) / n_heads) for h in range(n_heads)],
        dtype=torch.float64,
    )


def compute_alibi_scores(
    n_layers: int,
    n_heads: int,
    slopes_override: list[float] | None = None,
) -> torch.Tensor:
    """Compute the positional-only ALiBi scores."""
    # einops.rearrange(..., "h -> h 1 1")
    head_alphas = compute_alibi_slopes(n_heads, slopes_override).view(-1, 1, 1)

    # einops.rearrange(..., "n -> n 1")
    i = torch.arange(sequence_length, dtype=torch.float64).unsqueeze(1)
    # einops.rearrange(..., "n -> 1 n")
    j = torch.arange(sequence_length, dtype=torch.float64).unsqueeze(0)
    distances = i - j

    scores = -head_alphas * distances

    # einops.repeat(scores, "h i j -> l h i j", l=n_layers)
    return scores.unsqueeze(0).expand(n_layers, *scores.shape)


def load_attention_matrix_from_tensor(
    loaded: torch.Tensor,
    slopes_override: list[float] | None = None,
) -> torch.Tensor:
    """The notebook's load_attention_matrix, after its torch.load call."""
    mean_attention_matrix = loaded.to(torch.float64)

    n_layers, n_heads, _, _ = mean_attention_matrix.shape

    mean_attention_matrix += compute_alibi_scores(
        n_layers=n_layers,
        n_heads=n_heads,
        slopes_override=slopes_override,
    )

    return mean_attention_matrix


def compute_softmax_attention(
    attention_matrix: torch.Tensor,
) -> torch.Tensor:
    """Apply causal masking and softmax to the attention matrix."""
    masked_attention_matrix = attention_matrix.masked_fill(
        ~torch.ones_like(attention_matrix, dtype=torch.bool).tril(),
        float("-inf"),
    )
    softmax_attention_matrix = torch.nn.functional.softmax(
        masked_attention_matrix,
        dim=-1,
    )

    # We only need monotonicity to hold in expectation across heads
    # einops.reduce(..., "l h i j -> l i j", "mean")
    softmax_attention_matrix = softmax_attention_matrix.mean(dim=1)

    return softmax_attention_matrix


def compute_monotonicity_stats(
    attention_matrix: torch.Tensor,
    epsilon: float = DEFAULT_EPSILON,
    relative_floor: float = DEFAULT_RELATIVE_FLOOR,
) -> list[LayerStats]:
    """Compute monotonicity violation statistics for each layer."""
    n_layers, seq_len, _ = attention_matrix.shape

    cumsum = attention_matrix.cumsum(
        dim=-1,
    )

    all_layer_stats: list[LayerStats] = []

    i_indices, j_indices = torch.triu_indices(
        seq_len,
        seq_len,
        offset=1,
        device=attention_matrix.device,
    )
    num_pairs = i_indices.shape[0]
    total_combinations = num_pairs * seq_len

    # epsilon = 1e-10  (now a parameter with that default)

    for layer_idx in range(n_layers):
        layer_i = cumsum[layer_idx, i_indices]
        layer_j = cumsum[layer_idx, j_indices]

        diff = layer_i - layer_j
        violating_positions = diff < -epsilon
        violations_count = int(violating_positions.sum().item())

        total_absolute_error = 0.0
        total_relative_error = 0.0
        absolute_error_std = 0.0
        relative_error_std = 0.0

        if violations_count > 0:
            violating_diff = diff[violating_positions]
            absolute_errors = violating_diff.abs()
            total_absolute_error = absolute_errors.sum().item()
            if violations_count > 1:
                absolute_error_std = absolute_errors.std().item()

            val_i = layer_i[violating_positions]
            val_j = layer_j[violating_positions]
            relative_errors = absolute_errors / (torch.max(val_i, val_j) + relative_floor)
            total_relative_error = relative_errors.sum().item()
            if violations_count > 1:
                relative_error_std = relative_errors.std().item()

        layer_stats = LayerStats(
            combinations=total_combinations,
            violations_count=violations_count,
            total_absolute_error=total_absolute_error,
            total_relative_error=total_relative_error,
            violation_rate=violations_count / max(total_combinations, 1),
            absolute_error=total_absolute_error / max(violations_count, 1),
            absolute_error_std=absolute_error_std,
            relative_error=total_relative_error / max(violations_count, 1),
            relative_error_std=relative_error_std,
        )

        all_layer_stats.append(layer_stats)

    return all_layer_stats


def notebook_stats(
    loaded: torch.Tensor,
    slopes_override: list[float] | None = None,
    epsilon: float = DEFAULT_EPSILON,
    relative_floor: float = DEFAULT_RELATIVE_FLOOR,
) -> list[LayerStats]:
    """The notebook's pipeline for one model, on a tensor as loaded."""
    global sequence_length
    sequence_length = loaded.shape[-1]
    mean_attention_matrix = load_attention_matrix_from_tensor(loaded, slopes_override)
    softmax_mean_attention_matrix = compute_softmax_attention(mean_attention_matrix)
    return compute_monotonicity_stats(softmax_mean_attention_matrix, epsilon, relative_floor)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the notebook's monotonicity statistics on one tensor file.")
    parser.add_argument("input", help="a [layers, heads, n, n] tensor saved with torch.save")
    parser.add_argument("-o", "--output", help="where the JSON goes (standard output without it)")
    parser.add_argument("--tensor", help="the key, for a file that holds a dict of tensors")
    parser.add_argument("--slopes", help="comma-separated ALiBi slopes instead of the notebook's formula")
    parser.add_argument("--epsilon", type=float, default=DEFAULT_EPSILON)
    parser.add_argument("--relative-floor", type=float, default=DEFAULT_RELATIVE_FLOOR)
    args = parser.parse_args(argv)

    # The notebook's load_attention_matrix: torch.load, then .to(torch.float64).
    loaded = torch.load(args.input)
    if args.tensor is not None:
        loaded = loaded[args.tensor]
    override = [float(s) for s in args.slopes.split(",")] if args.slopes else None
    stats = notebook_stats(loaded, override, args.epsilon, args.relative_floor)

    text = json.dumps({"layers": [{"layer": k + 1, **asdict(s)} for k, s in enumerate(stats)]}, indent=1)
    if args.output is None:
        print(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

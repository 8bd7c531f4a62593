"""What matplotlib draws for the figure violation_rate_change_by_variant (docs/variants.md).

Reads experiments/results.csv, plots each named variant's per-layer violation rate minus the
default's as tools/Monotone.Figures/FigureSet.cs does (one colour per model, axhline at 0), and
prints the y view limits, the major tick locations, their ScalarFormatter labels, the offset
text ("1e-7") and the legend's loc="best" code, to compare with the C# port
(MaxNLocator, ScalarFormatter, BestLegendLocation).

Usage: /usr/bin/python3 scripts/variant-ticks.py [experiments/results.csv]
"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# The figures' tick and legend size (tools/Monotone.Figures/FigureStyle.cs), which sets how many ticks fit.
plt.rcParams.update({"xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9})

path = sys.argv[1] if len(sys.argv) > 1 else "experiments/results.csv"
rates = defaultdict(dict)  # (label, n, variant) -> {layer: rate}
order = []
with open(path, newline="") as f:
    for row in csv.DictReader(f):
        key = (row["label"], int(row["sequence_length"]), row["variant"])
        rates[key][int(row["layer"])] = float(row["violation_rate"])
        if row["label"] not in order:
            order.append(row["label"])

n = min(k[1] for k in rates)
fig, ax = plt.subplots(figsize=(4.5, 3), layout="tight")
ax.axhline(0, color="k", linewidth=0.5)
cycle = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB"]
styles = ["--", ":", "-.", (0, (5, 1))]
variants = sorted({k[2] for k in rates if k[2] != "default"})
for m, label in enumerate(order):
    base = rates.get((label, n, "default"))
    for v, name in enumerate(variants):
        other = rates.get((label, n, name))
        if base is None or other is None:
            continue
        layers = sorted(set(base) & set(other))
        ax.plot(layers, [other[l] - base[l] for l in layers], color=cycle[m % 7], linestyle=styles[v % 4],
                label=f"{label} ({name})")
ax.margins(x=0.02)
legend = ax.legend(loc="best", frameon=False)
fig.canvas.draw()
formatter = ax.yaxis.get_major_formatter()
lo, hi = ax.get_ylim()
ticks = [t for t in ax.get_yticks() if lo <= t <= hi]
print(f"n = {n}, variants {variants}")
print(f"ylim {lo!r} {hi!r}")
print("ticks", [float(t) for t in ticks])
print("labels", [t.get_text() for t in ax.get_yticklabels() if lo <= t.get_position()[1] <= hi])
print("offset", repr(ax.yaxis.get_offset_text().get_text()))
box = legend.get_window_extent().transformed(ax.transAxes.inverted())
print(f"legend in axes fraction: x {box.x0:.2f}-{box.x1:.2f}, y {box.y0:.2f}-{box.y1:.2f}")

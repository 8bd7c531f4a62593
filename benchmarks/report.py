#!/usr/bin/python3
"""Turn run-benchmarks.sh's raw timings (OUT/raw.tsv) into OUT/results.md and,
where matplotlib is installed, OUT/performance.png.

    benchmarks/report.py benchmarks/results
"""

from __future__ import annotations

import csv
import statistics
import sys
from pathlib import Path

SHAPES = {  # case -> [layers, heads, n]
    "mpt-7b-256": (32, 32, 256),
    "bloom-176b-256": (70, 112, 256),
    "small-1024": (2, 4, 1024),
}
MODELS = {"mpt-7b": (32, 32), "bloom-176b": (70, 112), "bloom-7b": (30, 32),
          "falcon-rw-7b": (36, 64), "mpt-30b": (48, 64)}


def shape_of(case: str) -> tuple[int, int, int]:
    if case in SHAPES:
        return SHAPES[case]
    model, n = case.rsplit("-", 1)
    return (*MODELS[model], int(n))


def summarise(rows: list[dict]) -> dict | None:
    """Median wall time and largest peak memory of the successful runs, or the failure."""
    if not rows:
        return None
    good = [r for r in rows if r["exit"] == "0"]
    if not good:
        return {"failed": rows[0]["exit"], "rss_mb": max(int(r["peak_rss_kb"]) for r in rows) / 1024}
    return {"seconds": statistics.median(float(r["seconds"]) for r in good),
            "rss_mb": max(int(r["peak_rss_kb"]) for r in good) / 1024,
            "runs": len(good), "check": good[-1]["check"]}


def fmt_time(s: dict | None) -> str:
    if s is None:
        return "–"
    if "failed" in s:
        return f"failed (exit {s['failed']})"
    return f"{s['seconds']:.2f} s"


def fmt_mb(s: dict | None) -> str:
    return "–" if s is None else f"{s['rss_mb']:,.0f} MB"


def main(out: Path) -> int:
    with open(out / "raw.tsv", newline="") as f:
        raw = list(csv.DictReader(f, delimiter="\t"))
    cases = list(dict.fromkeys(r["case"] for r in raw))
    table = {c: {p: summarise([r for r in raw if r["case"] == c and r["program"] == p])
                 for p in ("notebook", "monotone", "floor")} for c in cases}

    lines = ["# Benchmark results", "", "Written by benchmarks/run-benchmarks.sh; raw timings in raw.tsv.", "",
             "```", (out / "machine.txt").read_text().strip(), "```", "",
             "## The notebook against `dotnet monotone analyze`", "",
             "Whole processes, same input files, back to back. Times are medians of the runs in raw.tsv;",
             "memory is the peak resident set (GNU time). The floor reads the input once and takes the",
             "exponential of every unmasked element once, on as many cores as the engine uses.", "",
             "| input [L, H, n, n] | notebook | notebook memory | monotone | monotone memory | speed-up | floor | monotone / floor | results |",
             "|---|---|---|---|---|---|---|---|---|"]
    file_cases = [c for c in cases if table[c]["notebook"] is not None]
    for c in file_cases:
        t = table[c]
        L, H, n = shape_of(c)
        nb, mo, fl = t["notebook"], t["monotone"], t["floor"]
        speedup = f"{nb['seconds'] / mo['seconds']:.0f}×" if nb and mo and "seconds" in nb and "seconds" in mo else "–"
        vs_floor = f"{mo['seconds'] / fl['seconds']:.2f}×" if mo and fl and "seconds" in mo and "seconds" in fl else "–"
        check = mo.get("check", "–") if mo else "–"
        lines.append(f"| {c} [{L}, {H}, {n}, {n}] | {fmt_time(nb)} | {fmt_mb(nb)} | {fmt_time(mo)} | {fmt_mb(mo)} "
                     f"| {speedup} | {fmt_time(fl)} | {vs_floor} | {check} |")

    scale_cases = [c for c in cases if c not in file_cases]
    if scale_cases:
        lines += ["", "## The five model shapes at n = 2048 (our engine alone)", "",
                  "Synthetic, deterministic inputs generated in-process (a bloom-176b file at n = 2048 would be",
                  "131 GB); generating them is part of both the run and its floor.", "",
                  "| model [L, H, n, n] | monotone | peak memory | floor | monotone / floor | violations |",
                  "|---|---|---|---|---|---|"]
        for c in scale_cases:
            t = table[c]
            L, H, n = shape_of(c)
            mo, fl = t["monotone"], t["floor"]
            vs_floor = f"{mo['seconds'] / fl['seconds']:.2f}×" if mo and fl and "seconds" in mo and "seconds" in fl else "–"
            violations = mo.get("check", "–").replace("violations=", "") if mo else "–"
            lines.append(f"| {c.rsplit('-', 1)[0]} [{L}, {H}, {n}, {n}] | {fmt_time(mo)} | {fmt_mb(mo)} | {fmt_time(fl)} "
                         f"| {vs_floor} | {violations} |")

    plotted = plot(out, table, file_cases, scale_cases)
    if plotted:
        lines += ["", "![timings](performance.png)"]
    (out / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


def plot(out: Path, table: dict, file_cases: list[str], scale_cases: list[str]) -> bool:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot", file=sys.stderr)
        return False
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), gridspec_kw={"width_ratios": [len(file_cases) or 1, len(scale_cases) or 1]})
    colors = {"notebook": "#EE6677", "monotone": "#4477AA", "floor": "#BBBBBB"}
    for ax, cases, programs, title in ((axes[0], file_cases, ("notebook", "monotone", "floor"), "same input files"),
                                       (axes[1], scale_cases, ("monotone", "floor"), "n = 2048, synthetic")):
        width = 0.8 / len(programs)
        for k, program in enumerate(programs):
            xs, ys = [], []
            for i, c in enumerate(cases):
                s = table[c][program]
                if s and "seconds" in s:
                    xs.append(i + (k - (len(programs) - 1) / 2) * width)
                    ys.append(s["seconds"])
            ax.bar(xs, ys, width, label=program, color=colors[program])
        ax.set_xticks(range(len(cases)), [c.replace("-256", "\nn=256").replace("-1024", "\nn=1024").replace("-2048", "") for c in cases], fontsize=8)
        ax.set_yscale("log")
        ax.set_ylabel("wall time (s)")
        ax.set_title(title, fontsize=10)
        ax.grid(axis="y", which="major", alpha=0.2)
        ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(out / "performance.png", dpi=120)
    return True


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

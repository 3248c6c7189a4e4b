#!/usr/bin/env python3
"""Writes multi_source_isoflop.csv: IsoFLOP runs from three sources, each generated from a
known law L(N, D) = E + A/N^alpha + B/D^beta (below) with 1% multiplicative noise, at five
compute budgets C = 6·N·D with nine model sizes each. A few runs per source are flagged
outliers (their loss pushed up, as a diverged run's is), one run has no `dataset` cell, and
the file carries text and boolean columns as a real multi-source table does.

Run: python3 examples/data/make_multi_source.py   (standard library only; seeded)
"""
import csv
import math
import os
import random

LAWS = {  # source: (E, A, B, alpha, beta, dataset)
    "chinchilla": (1.69, 406.4, 410.7, 0.34, 0.28, "massivetext"),
    "llama_3": (1.80, 520.0, 1100.0, 0.36, 0.31, "web_v2"),
    "small_lab": (2.05, 280.0, 350.0, 0.30, 0.27, "web_v1"),
}
BUDGETS = [1e18, 3e18, 1e19, 3e19, 1e20]


def law(p, n, d):
    e, a, b, alpha, beta, _ = p
    return e + a / n**alpha + b / d**beta


def n_opt(p, c):
    e, a, b, alpha, beta, _ = p
    g = (alpha * a / (beta * b)) ** (1 / (alpha + beta))
    return g * (c / 6) ** (beta / (alpha + beta))


def main():
    rng = random.Random(20261204)
    rows = []
    for source, p in LAWS.items():
        run = 0
        for c in BUDGETS:
            centre = n_opt(p, c)
            for k in range(9):
                n = centre * 10 ** (-1.0 + 0.25 * k)
                d = c / (6 * n)
                loss = law(p, n, d) * math.exp(rng.gauss(0, 0.01))
                outlier = rng.random() < 0.05
                if outlier:
                    loss += 0.5
                run += 1
                rows.append({
                    "source": source,
                    "dataset": p[5],
                    "model": f"{source}-{run:03d}",
                    "experiment": "isoflop",
                    "tokens": f"{d:.6g}",
                    "params": f"{n:.6g}",
                    "budget": f"{c:.6g}",
                    "loss": f"{loss:.6f}",
                    "outlier": "True" if outlier else "False",
                    "reason": "loss spike" if outlier else "",
                })
    rows[17]["dataset"] = ""  # a cell the source did not fill in
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multi_source_isoflop.csv")
    with open(out, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} runs to {out}")


if __name__ == "__main__":
    main()

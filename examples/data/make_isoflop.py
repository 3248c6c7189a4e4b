"""Generates isoflop_runs.csv for examples/isoflop.law: synthetic IsoFLOP runs drawn from a
known law, so that approach 2 can be checked against the exponents it should recover.

The law is Chinchilla approach 3 (Hoffmann et al. 2022): L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28,
whose compute-optimal exponents are a = 0.28/0.62 = 0.4516 and b = 0.34/0.62 = 0.5484.
For each of 7 budgets C from 1e18 to 1e21 FLOP, 9 model sizes spaced evenly in log N over
a factor 10^1.6 around the true optimum; D = C / (6 N); the loss gets multiplicative
Gaussian noise of 0.3% from Python's random.Random(20240101). Deterministic: run
`python3 make_isoflop.py > isoflop_runs.csv` to reproduce the file byte for byte.
"""
import math
import random

E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28
G = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))
a = BETA / (ALPHA + BETA)
rng = random.Random(20240101)
print("C,N,D,loss")
for C in [1e18, 3e18, 1e19, 3e19, 1e20, 3e20, 1e21]:
    n_opt = G * (C / 6) ** a
    for k in range(9):
        N = n_opt * 10 ** (-0.8 + 0.2 * k)
        D = C / (6 * N)
        loss = (E + A / N ** ALPHA + B / D ** BETA) * math.exp(0.003 * rng.gauss(0, 1))
        print(f"{C:.6g},{N:.6g},{D:.6g},{loss:.6f}")

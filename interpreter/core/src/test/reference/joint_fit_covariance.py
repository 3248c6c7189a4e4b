"""Reference for GroupsTest: the joint (shared alpha, beta) fit of examples/multi_source.law
with SciPy's least_squares, and its standard errors from the Jacobian covariance
s^2 (J^T J)^-1, s^2 = SSR / (n - p). Writes resources/reference/joint_fit_covariance.csv.
Run: /usr/bin/python3 joint_fit_covariance.py (Debian python3-scipy, python3-pandas)."""
import os
import numpy as np
import pandas as pd
from scipy.optimize import least_squares

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../../../.."))
runs = pd.read_csv(os.path.join(ROOT, "examples/data/multi_source_isoflop.csv"))
clean = runs[runs.outlier.astype(str).str.lower() != "true"]
sources = list(dict.fromkeys(clean.source))
g = np.array([sources.index(s) for s in clean.source])
N, D, y = clean.params.to_numpy(float), clean.tokens.to_numpy(float), clean.loss.to_numpy(float)
names = ["alpha", "beta"] + [f"{p}_{s}" for s in sources for p in ("E", "A", "B")]


def parts(x):
    a, b = x[0], x[1]
    E, A, B = (x[2 + 3 * g + k] for k in range(3))
    return a, b, E, A, B


def residual(x):
    a, b, E, A, B = parts(x)
    return np.log(E + A / N**a + B / D**b) - np.log(y)


def jacobian(x):
    a, b, E, A, B = parts(x)
    m = E + A / N**a + B / D**b
    J = np.zeros((len(y), len(x)))
    J[:, 0] = -A * np.log(N) / N**a / m
    J[:, 1] = -B * np.log(D) / D**b / m
    rows = np.arange(len(y))
    J[rows, 2 + 3 * g] = 1 / m
    J[rows, 3 + 3 * g] = 1 / N**a / m
    J[rows, 4 + 3 * g] = 1 / D**b / m
    return J


x0 = np.array([0.34, 0.3] + [2.0, 400.0, 600.0] * len(sources))
lo = np.array([0, 0] + [0, 0, 0] * len(sources))
hi = np.array([2, 2] + [np.inf] * 3 * len(sources))
fit = least_squares(residual, x0, jac=jacobian, bounds=(lo, hi), xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=10000)
J = jacobian(fit.x)
r = residual(fit.x)
s2 = r @ r / (len(y) - len(fit.x))
se = np.sqrt(np.diag(s2 * np.linalg.inv(J.T @ J)))
with open(os.path.join(HERE, "../resources/reference/joint_fit_covariance.csv"), "w") as out:
    out.write("parameter,estimate,standard_error\n")
    for n, v, s in zip(names, fit.x, se):
        out.write(f"{n},{v!r},{s!r}\n")
print(fit.status, fit.cost * 2, len(y))

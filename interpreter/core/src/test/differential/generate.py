#!/usr/bin/env python3
"""Differential problems for law's optimiser, with reference answers from independent solvers.

Writes interpreter/core/src/test/resources/differential/problems.jsonl: one JSON object a line,
each a law script (`let o = minimize ...`) plus what an independent solver, or the
construction of the problem itself, says the answer is. DifferentialTest (Java) reads only
that file, so CI needs no Python. See README.md next to this file for the classes.

Needs Debian's python3-numpy, python3-scipy and python3-cvxopt (run with /usr/bin/python3).
Deterministic: every class draws from its own random.Random(seed) stream.
"""

import argparse
import json
import math
import multiprocessing
import os
import time
import random
import sys

import numpy as np
from cvxopt import matrix, solvers
from scipy.optimize import linprog, minimize

solvers.options.update({"show_progress": False, "abstol": 1e-9, "reltol": 1e-9, "feastol": 1e-9, "maxiters": 50})

SEED = 20261204
NAMES = ["x", "y", "z", "u", "v", "w"]
EXPONENTS = [-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2]
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "differential", "problems.jsonl")


# ---- numbers and text ----------------------------------------------------------------------

def lit(c, digits=4):
    """A law number literal for c rounded to `digits` significant digits; returns (text, value)."""
    t = "%.*g" % (digits, c)
    if "e" in t:
        mant, exp = t.split("e")
        t = mant + "e" + str(int(exp))
    return t, float(t)


def exp_text(a):
    return str(int(a)) if float(a).is_integer() else repr(float(a))


class Mono:
    """c * prod x_i^a_i (a general term may also be c*exp(k*x_i), see Term)."""

    def __init__(self, c, a):
        self.c = float(c)
        self.a = np.array(a, dtype=float)

    def val(self, x):
        return self.c * float(np.prod(np.power(x, self.a)))

    def logval(self, y):  # log|term| in log space
        return math.log(abs(self.c)) + float(self.a @ y)


def mono_text(m, names, style, lead):
    """One term. style 'pow': (-2.9)*x^(-1)*y^(2); style 'frac': 2.9*y^2/x. `lead`: first term."""
    c = m.c
    ctext, _ = lit(abs(c), 8)
    if style == "pow":
        factors = [] if (abs(c) == 1 and np.any(m.a != 0)) else [("(-%s)" % ctext) if c < 0 else ctext]
        if c < 0 and not factors:
            factors = ["(-1)"]
        factors += ["%s^(%s)" % (names[i], exp_text(a)) for i, a in enumerate(m.a) if a != 0]
        body = "*".join(factors) if factors else ctext
        return body if lead else "+ " + body
    num = [] if (abs(c) == 1 and np.any(m.a > 0)) else [ctext]
    num += [names[i] if a == 1 else "%s^%s" % (names[i], exp_text(a)) for i, a in enumerate(m.a) if a > 0]
    den = [names[i] if a == -1 else "%s^%s" % (names[i], exp_text(-a)) for i, a in enumerate(m.a) if a < 0]
    body = "*".join(num) if num else "1"
    if den:
        body += "/" + "/".join(den)
    if lead:
        return ("-" + body) if c < 0 else body
    return ("- " if c < 0 else "+ ") + body


def posy_text(terms, names, style="frac", order=None):
    order = order if order is not None else range(len(terms))
    out = []
    for k, j in enumerate(order):
        out.append(mono_text(terms[j], names, style, k == 0))
    return " ".join(out)


def posy_val(terms, x):
    return sum(t.val(x) for t in terms)


def rounded(terms):
    """Terms whose coefficients are exactly the literals printed (so references solve what law sees)."""
    return [Mono(lit(t.c, 4)[1], t.a) for t in terms]


# ---- geometric programs ---------------------------------------------------------------------

class GP:
    """minimize (or maximize a monomial) posynomial objective (+const) subject to
    posy <= mono, mono = mono, lo <= x <= hi. Everything positive, solved in log space."""

    def __init__(self, n):
        self.n = n
        self.obj = []          # terms; a zero-exponent term is a constant
        self.const = 0.0       # constant added to the objective (may be negative)
        self.sense = "min"     # 'max': objective is one monomial, maximised
        self.ineq = []         # (posy terms, mono) meaning posy <= mono
        self.ineq_form = []    # 'le' (posy <= mono) or 'ge' (mono >= posy)
        self.eq = []           # (mono, mono) monomial equalities
        self.peq = []          # (posy, mono) posynomial equalities, law relaxes them
        self.bounds = {}       # i -> (lo, hi)


def random_mono(rng, n, coef_range=(-1, 1), density=0.6, c=None):
    while True:
        a = [rng.choice(EXPONENTS) if rng.random() < density else 0 for _ in range(n)]
        if any(a) or n == 0:
            break
    cc = c if c is not None else 10 ** rng.uniform(*coef_range)
    return Mono(lit(cc, 3)[1], a)


def gp_cvx(gp, shift=None, phase1=False):
    """Solves the GP (its inequalities and ranges; equalities exact) with cvxopt.solvers.gp in
    y' = ln x - shift. Returns (status, y, value) with y in ln x. With phase1: minimizes t such
    that every inequality and range holds within a factor t; returns t*."""
    n = gp.n
    shift = np.zeros(n) if shift is None else shift
    nv = n + (1 if phase1 else 0)
    K, Frows, g = [], [], []

    def add_posy(terms, divide_by=None, with_t=False):
        K.append(len(terms))
        for t in terms:
            a = t.a - (divide_by.a if divide_by is not None else 0)
            logc = math.log(t.c) - (math.log(divide_by.c) if divide_by is not None else 0.0)
            row = list(a) + ([-1.0] if with_t else ([] if not phase1 else [0.0]))
            Frows.append(row)
            g.append(logc + float(a @ shift))

    if phase1:
        K.append(1)
        Frows.append([0.0] * n + [1.0])
        g.append(0.0)
    elif gp.sense == "max":
        m = gp.obj[0]
        add_posy([Mono(1.0 / m.c, -m.a)])
    else:
        add_posy(gp.obj)
    for (p, m) in gp.ineq + gp.peq:
        add_posy(p, m, with_t=phase1)
    for i, (lo, hi) in gp.bounds.items():
        e = np.zeros(n)
        e[i] = 1
        add_posy([Mono(1.0 / hi, e)], with_t=phase1)
        add_posy([Mono(lo, -e)], with_t=phase1)
    F = matrix(np.array(Frows, dtype=float))
    gm = matrix(np.array(g, dtype=float))
    A = b = None
    if gp.eq:
        Arows, bv = [], []
        for (m1, m2) in gp.eq:
            a = m1.a - m2.a
            Arows.append(list(a) + ([0.0] if phase1 else []))
            bv.append(math.log(m2.c / m1.c) - float(a @ shift))
        A = matrix(np.array(Arows, dtype=float))
        b = matrix(np.array(bv, dtype=float))
    try:
        sol = solvers.gp(K, F, gm, A=A, b=b)
    except (ValueError, ArithmeticError):
        return "error", None, None
    if sol["status"] != "optimal":
        return sol["status"], None, None
    yp = np.array(sol["x"]).flatten()
    if phase1:
        return "optimal", yp[:n] + shift, math.exp(yp[n])
    y = yp + shift
    return "optimal", y, gp_objective(gp, np.exp(y))


def gp_objective(gp, x):
    if gp.sense == "max":
        return gp.obj[0].val(x)
    return posy_val(gp.obj, x) + gp.const


def posy_log(p, y):
    logs = [t.logval(y) for t in p]
    top = max(logs)
    return top + math.log(sum(math.exp(l - top) for l in logs))


def posy_ratio(p, m, x):
    """p(x)/m(x) computed in log space (the sides may be 1e-200 or 1e200 at scaled points)."""
    y = np.log(x)
    logs = [t.logval(y) for t in p]
    top = max(logs)
    return math.exp(top + math.log(sum(math.exp(l - top) for l in logs)) - m.logval(y))


def gp_violation(gp, x, relax_peq=False):
    """Largest relative violation of the constraints at x (0 when feasible)."""
    v = 0.0
    for (p, m) in gp.ineq:
        v = max(v, posy_ratio(p, m, x) - 1)
    for (p, m) in gp.peq:
        r = posy_ratio(p, m, x) - 1
        v = max(v, r if relax_peq else abs(r))
    for (m1, m2) in gp.eq:
        v = max(v, abs(posy_ratio([m1], m2, x) - 1))
    for i, (lo, hi) in gp.bounds.items():
        v = max(v, lo / x[i] - 1, x[i] / hi - 1)
    return v


def gp_scipy_check(gp, y0, rng, shift, starts=3, relax_peq=True, ybox=60):
    """An independent local solve (SLSQP in log space, convex form) from a few starts; returns
    the best value found. For a convex problem any local optimum is global."""
    n = gp.n
    sense = -1 if gp.sense == "max" else 1

    def f(yp):
        with np.errstate(all="ignore"):
            return sense * gp_objective(gp, np.exp(yp + shift))

    cons = []
    for (p, m) in gp.ineq + (gp.peq if relax_peq else []):
        cons.append({"type": "ineq", "fun": (lambda yp, p=p, m=m: -posy_log(p, yp + shift) + m.logval(yp + shift))})
    for (p, m) in ([] if relax_peq else gp.peq):
        cons.append({"type": "eq", "fun": (lambda yp, p=p, m=m: posy_log(p, yp + shift) - m.logval(yp + shift))})
    for (m1, m2) in gp.eq:
        cons.append({"type": "eq", "fun": (lambda yp, m1=m1, m2=m2: m1.logval(yp + shift) - m2.logval(yp + shift))})
    bnds = [(math.log(gp.bounds[i][0]) - shift[i], math.log(gp.bounds[i][1]) - shift[i]) if i in gp.bounds else (-ybox, ybox) for i in range(n)]
    best = None
    pts = [y0 - shift] + [np.array([rng.uniform(-3, 3) for _ in range(n)]) for _ in range(starts)]
    for p0 in pts:
        p0 = np.clip(p0, [b[0] for b in bnds], [b[1] for b in bnds])
        try:
            r = minimize(f, p0, method="SLSQP", bounds=bnds, constraints=cons, options={"ftol": 1e-14, "maxiter": 500})
        except (ValueError, OverflowError, ZeroDivisionError):
            continue
        x = np.exp(r.x + shift)
        if gp_violation(gp, x, relax_peq) <= 1e-8:
            val = gp_objective(gp, x)
            if best is None or sense * val < sense * best[0]:
                best = (val, r.x + shift)
    return best


def gp_random(rng, n, with_eq=True, with_bounds=True):
    gp = GP(n)
    k0 = rng.randint(1, 4)
    gp.obj = [random_mono(rng, n) for _ in range(k0)]
    if rng.random() < 0.25:
        gp.const = lit(rng.choice([1, -1]) * 10 ** rng.uniform(-1, 0.5), 3)[1]
    if rng.random() < 0.1:
        gp.sense = "max"
        gp.obj = [random_mono(rng, n, density=0.8)]
        gp.const = 0.0
    for _ in range(rng.randint(0, min(4, n + 1))):
        p = [random_mono(rng, n) for _ in range(rng.randint(1, 3))]
        m = random_mono(rng, n, density=0.3) if rng.random() < 0.6 else Mono(lit(10 ** rng.uniform(-0.5, 1), 3)[1], [0] * n)
        gp.ineq.append((p, m))
        gp.ineq_form.append(rng.choice(["le", "ge"]))
    if with_eq and n >= 2 and rng.random() < 0.3:
        gp.eq.append((random_mono(rng, n, density=0.5), Mono(lit(10 ** rng.uniform(-0.5, 1), 3)[1], [0] * n)))
    if with_bounds:
        for i in range(n):
            if rng.random() < 0.25:
                lo = lit(10 ** rng.uniform(-2, 0), 3)[1]
                hi = lit(lo * 10 ** rng.uniform(0.5, 3), 3)[1]
                gp.bounds[i] = (lo, hi)
    return gp


def gp_texts(gp, names, style, perm_terms, var_order, rng):
    """(objective text, constraint list [(lhs, op, rhs)], over clause) for law."""
    def order(k):
        o = list(range(k))
        if perm_terms:
            rng.shuffle(o)
        return o

    if gp.sense == "max":
        obj = mono_text(gp.obj[0], names, style, True)
    else:
        obj = posy_text(gp.obj, names, style, order(len(gp.obj)))
        if gp.const:
            ct, _ = lit(abs(gp.const), 8)
            obj += (" - " if gp.const < 0 else " + ") + ct
    cons = []
    for (p, m), form in zip(gp.ineq, gp.ineq_form):
        pt, mt = posy_text(p, names, style, order(len(p))), mono_text(m, names, style, True)
        cons.append((pt, "<=", mt) if form == "le" else (mt, ">=", pt))
    for (m1, m2) in gp.eq:
        cons.append((mono_text(m1, names, style, True), "=", mono_text(m2, names, style, True)))
    for (p, m) in gp.peq:
        cons.append((posy_text(p, names, style, order(len(p))), "=", mono_text(m, names, style, True)))
    if perm_terms:
        rng.shuffle(cons)
    over = []
    for i in var_order:
        if i in gp.bounds:
            over.append("%s in [%s, %s]" % (names[i], lit(gp.bounds[i][0], 8)[0], lit(gp.bounds[i][1], 8)[0]))
        else:
            over.append(names[i])
    return obj, cons, over


def script(sense, obj, cons, over, prelude=""):
    s = prelude + "let o = %s %s" % ("maximize" if sense == "max" else "minimize", obj)
    if over:
        s += " over " + ", ".join(over)
    if cons:
        s += " subject to " + ", ".join("%s %s %s" % c for c in cons)
    return s


def used_vars(gp):
    used = np.zeros(gp.n, dtype=bool)
    for t in gp.obj:
        used |= t.a != 0
    for (p, m) in gp.ineq + gp.peq:
        for t in p + [m]:
            used |= t.a != 0
    for (m1, m2) in gp.eq:
        used |= (m1.a != 0) | (m2.a != 0)
    return used


def record(pid, cls, sense, obj, cons, over, names, n, bounds_text, status, value, point, is_global, by,
           prelude="", note=None, proven=True, extra=None):
    rec = {
        "id": pid, "class": cls,
        "script": script(sense, obj, cons, over, prelude),
        "sense": sense, "vars": names[:n], "objective": obj,
        "constraints": [{"lhs": l, "op": op, "rhs": r} for (l, op, r) in cons],
        "bounds": bounds_text,
        "status": status, "value": value, "point": point,
        "global": is_global, "status_proven": proven, "by": by,
    }
    if note:
        rec["note"] = note
    if extra:
        rec.update(extra)
    return rec


def fnum(v):
    return float("%.12g" % v)


def emit_gp(gp, pid, cls, rng, y, value, by, is_global=True, names=NAMES, twin=False, note=None, proven=True):
    n = gp.n
    out = []
    point = {names[i]: fnum(math.exp(y[i])) for i in range(n)}
    bounds_text = {names[i]: [gp.bounds[i][0], gp.bounds[i][1]] for i in gp.bounds}
    style = rng.choice(["pow", "frac"])
    obj, cons, over = gp_texts(gp, names, style, False, list(range(n)), rng)
    if not gp.bounds:
        over = []  # variables are found by name
    out.append(record(pid, cls, gp.sense, obj, cons, over, names, n, bounds_text, "optimal", fnum(value), point,
                      is_global, by, note=note, proven=proven))
    if twin:
        style2 = "frac" if style == "pow" else "pow"
        order = list(range(n))
        rng.shuffle(order)
        if order == list(range(n)) and n > 1:
            order = order[::-1]
        obj2, cons2, over2 = gp_texts(gp, names, style2, True, order, rng)
        out.append(record(pid + "-w2", cls, gp.sense, obj2, cons2, over2, names, n, bounds_text, "optimal", fnum(value),
                          point, is_global, by, note=note, proven=proven, extra={"twin_of": pid}))
    return out


def gp_attained(gp):
    """True when no direction d != 0 in log space keeps every constraint (equalities, ranges,
    inequalities with peq relaxed) and does not increase any objective term: then every sublevel
    set of the convex problem is bounded, so its optimum is attained. Checked by 2n small LPs."""
    n = gp.n
    rows = []
    if gp.sense == "max":
        rows.append(list(-gp.obj[0].a))
    else:
        rows += [list(t.a) for t in gp.obj if np.any(t.a)]
    for (p, m) in gp.ineq + gp.peq:
        rows += [list(t.a - m.a) for t in p]
    eq = [list(m1.a - m2.a) for (m1, m2) in gp.eq]
    bounds = [(0, 0) if i in gp.bounds else (-1, 1) for i in range(n)]
    for i in range(n):
        if i in gp.bounds:
            continue
        for sgn in (1, -1):
            c = [0.0] * n
            c[i] = -sgn
            r = linprog(c, A_ub=rows or None, b_ub=[0.0] * len(rows) if rows else None, A_eq=eq or None,
                        b_eq=[0.0] * len(eq) if eq else None, bounds=bounds, method="highs")
            if r.status != 0 or -r.fun > 1e-9:
                return False
    return True


def solve_gp_checked(gp, rng, shift=None, scale_limit=25.0):
    """cvxopt's optimum, accepted only if SciPy from several starts finds no better point and the
    optimum is attained (finite, within e^±scale_limit of the shift)."""
    if not gp_attained(gp):
        return None
    st, y, val = gp_cvx(gp, shift)
    if st != "optimal":
        return None
    sh = np.zeros(gp.n) if shift is None else shift
    if np.any(np.abs(y - sh) > scale_limit):
        return None
    x = np.exp(y)
    if gp_violation(gp, x) > 1e-8:
        return None
    chk = gp_scipy_check(gp, y, rng, sh)
    if chk is None:
        return None
    tol = 1e-7 * max(1.0, abs(val))
    if (gp.sense == "min" and chk[0] < val - tol) or (gp.sense == "max" and chk[0] > val + tol):
        return None  # not attained, or cvxopt stopped short: not a reference
    return y, val


def gen_gp(count, seed, twins_every=4):
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        n = 1 + (k % 6)
        gp = gp_random(rng, n)
        if not used_vars(gp).all():
            continue
        r = solve_gp_checked(gp, rng)
        if r is None:
            continue
        y, val = r
        k += 1
        out += emit_gp(gp, "gp-%04d" % k, "gp", rng, y, val, "cvxopt.solvers.gp (SLSQP in log space agrees)",
                       twin=(k % twins_every == 0))
    return out


def gen_gp_scale(count, seed):
    """GPs in well-scaled variables, rewritten in units of 10^k (k in -12..12, a few at ±60)
    and sometimes with ranges at 1e±100, solved as printed."""
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        n = 1 + (k % 4) + (1 if k % 5 == 0 else 0)
        base = gp_random(rng, n, with_bounds=False)
        if not used_vars(base).all():
            continue
        extreme = k % 10 == 0
        sc = np.array([10.0 ** rng.choice([-12, -9, -6, -3, 0, 3, 9, 12]) for _ in range(n)])
        if extreme:
            sc[rng.randrange(n)] = 10.0 ** rng.choice([-60, -30, 30, 60])
        gp = GP(n)
        gp.sense, gp.const = base.sense, base.const
        tr = lambda t: Mono(lit(t.c * float(np.prod(sc ** (-t.a))), 6)[1], t.a)
        gp.obj = [tr(t) for t in base.obj]
        gp.ineq = [([tr(t) for t in p], tr(m)) for (p, m) in base.ineq]
        gp.ineq_form = base.ineq_form
        gp.eq = [(tr(a), tr(b)) for (a, b) in base.eq]
        coefs = [t.c for t in gp.obj] + [t.c for (p, m) in gp.ineq + gp.eq for t in list(p if isinstance(p, list) else [p]) + [m]]
        if not all(np.isfinite(c) and 1e-250 < abs(c) < 1e250 for c in coefs):
            continue
        for i in range(n):
            if rng.random() < 0.3:
                gp.bounds[i] = (1e-100, 1e100)
            elif rng.random() < 0.2:
                gp.bounds[i] = (lit(sc[i] * 10 ** rng.uniform(-3, -1), 3)[1], lit(sc[i] * 10 ** rng.uniform(0.5, 2), 3)[1])
        r = solve_gp_checked(gp, rng, shift=np.log(sc))
        if r is None:
            continue
        y, val = r
        k += 1
        out += emit_gp(gp, "scale-%04d" % k, "gp-scale", rng, y, val,
                       "cvxopt.solvers.gp in rescaled log space (SLSQP agrees)", twin=(k % 4 == 0))
    return out


def gen_gp_eq(count, seed):
    """A posynomial equality `p = m` (not convex; law relaxes it to <=). Tight relaxation: the
    relaxed global optimum is feasible for the original, so it is the global optimum. Loose or
    unattained relaxation: SciPy from many starts on the original (a local reference)."""
    rng = random.Random(seed)
    out = []
    k = 0
    tries = 0
    while k < count:
        tries += 1
        n = rng.randint(2, 4)
        gp = gp_random(rng, n, with_eq=False)
        shape = rng.random() < 0.4
        if shape:
            # the "P + V = 7B, V <= 1B" shape: a monomial objective, a sum fixed, one variable capped
            gp.obj = [Mono(1.0, [1 if i == 0 else 0 for i in range(n)])]
            gp.const = 0.0
            gp.sense = "min"
            gp.ineq, gp.ineq_form = [], []
            cap = lit(10 ** rng.uniform(-0.5, 0.5), 3)[1]
            gp.bounds = {}
            gp.ineq.append(([Mono(1.0, [1 if i == 1 else 0 for i in range(n)])], Mono(cap, [0] * n)))
            gp.ineq_form.append(rng.choice(["le", "ge"]))
            total = lit(cap * 10 ** rng.uniform(0.3, 1.2), 3)[1]
            gp.peq.append(([Mono(lit(10 ** rng.uniform(-0.3, 0.3), 3)[1], [1 if i == j else 0 for i in range(n)]) for j in range(n)],
                           Mono(total, [0] * n)))
            for i in range(2, n):
                gp.bounds[i] = (lit(10 ** rng.uniform(-2, -1), 3)[1], lit(10 ** rng.uniform(0, 1), 3)[1])
            if rng.random() < 0.5:  # in billions, as a planner writes it
                f = 1e9
                gp.ineq = [([Mono(t.c * f, t.a) for t in p], Mono(m.c * f, m.a)) for (p, m) in gp.ineq]
                gp.peq = [(p, Mono(m.c * f, m.a)) for (p, m) in gp.peq]
                gp.bounds = {i: (lo * f, hi * f) for i, (lo, hi) in gp.bounds.items()}
        else:
            p = [random_mono(rng, n) for _ in range(rng.randint(2, 3))]
            gp.peq.append((p, random_mono(rng, n, density=0.3) if rng.random() < 0.5 else Mono(lit(10 ** rng.uniform(0, 1), 3)[1], [0] * n)))
        if shape:
            # x = (T - b*y - sum c_i*z_i)/a is least with y at its cap and every z at its upper end;
            # the relaxation (<=) has no minimum at all (x -> 0), so only the equality gives this
            terms, T = gp.peq[0][0], gp.peq[0][1].c
            ycap = gp.ineq[0][1].c
            rest = T - terms[1].c * ycap - sum(terms[i].c * gp.bounds[i][1] for i in range(2, n))
            if rest <= 0.05 * T:
                continue
            pt = np.array([rest / terms[0].c, ycap] + [gp.bounds[i][1] for i in range(2, n)])
            if gp_violation(gp, pt) > 1e-12:
                continue
            k += 1
            out += emit_gp(gp, "gpeq-%04d" % k, "gp-equality", rng, np.log(pt), pt[0],
                           "constructed: the equality gives x = (T - b*y - sum c_i*z_i)/a, least with y at its cap and each z "
                           "at its upper end (the relaxation to <= has no minimum)", twin=(k % 5 == 0))
            continue
        if not used_vars(gp).all() or not gp_attained(gp):
            continue  # the relaxation's sublevel sets are bounded, so the equality problem's are too
        st, y, val = gp_cvx(gp)
        res = None
        if st == "optimal" and np.all(np.abs(y) < 40):
            x = np.exp(y)
            if gp_violation(gp, x, relax_peq=False) < 1e-8:
                chk = gp_scipy_check(gp, y, rng, np.zeros(n))
                if chk is not None and not (chk[0] < val - 1e-7 * max(1, abs(val))):
                    res = (y, val, True, "cvxopt.solvers.gp on the relaxation, which is tight (so global for the equality)")
        if res is None:
            best = multistart_logspace_gp(gp, rng)
            wide = multistart_logspace_gp(gp, rng, starts=6, ybox=30) if best is not None else None
            if best is None or wide is None or abs(wide[0] - best[0]) > 1e-9 * abs(best[0]) \
                    or np.max(np.abs(wide[1] - best[1])) > 1e-3:
                continue  # a wider search box changes the answer: not a trustworthy reference
            res = (best[1], best[0], False, "SciPy SLSQP, 16 starts in log space (6 more in a wider box agree), on the equality (local)")
        y, val, glob, by = res
        k += 1
        out += emit_gp(gp, "gpeq-%04d" % k, "gp-equality", rng, y, val, by, is_global=glob, twin=(k % 5 == 0),
                       note=None if glob else "an optimum exists (bounded sublevel sets); its value is the best of a multistart")
    return out


def multistart_logspace_gp(gp, rng, starts=16, ybox=15):
    n = gp.n
    # scale of each variable from its constraints, so starts land near the feasible set
    center = np.zeros(n)
    for (p, m) in gp.peq:
        if not np.any(m.a) and len(p) >= 1:
            center[:] = math.log(m.c) - math.log(len(p))
    best = None
    for _ in range(starts):
        y0 = center + np.array([rng.uniform(-2, 2) for _ in range(n)])
        r = gp_scipy_check(gp, y0, rng, np.zeros(n) + center, starts=0, relax_peq=False, ybox=ybox)
        if r is not None and (best is None or r[0] < best[0] - 1e-12 * abs(best[0])):
            best = r
    if best is None:
        return None
    x = np.exp(best[1])
    if gp_violation(gp, x, relax_peq=False) > 1e-9 or np.any(np.abs(best[1] - center) > ybox / 2):
        return None  # at the artificial box: the infimum may not be attained
    return best


def gen_gp_infeasible(count, seed):
    """Feasible GP constraints plus q <= q*/2 where q* is q's minimum over them: infeasible,
    proven by a phase-I GP (the least factor t making every constraint hold is > 1)."""
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        n = rng.randint(1, 5)
        gp = gp_random(rng, n)
        gp.sense, gp.const = "min", 0.0
        q = [random_mono(rng, n) for _ in range(rng.randint(1, 3))]
        probe = GP(n)
        probe.obj, probe.ineq, probe.ineq_form, probe.eq, probe.bounds = q, gp.ineq, gp.ineq_form, gp.eq, gp.bounds
        st, y, qstar = gp_cvx(probe)
        if st != "optimal" or np.any(np.abs(y) > 25):
            continue
        cap = lit(qstar * rng.uniform(0.2, 0.7), 3)[1]
        gp.ineq.append((q, Mono(cap, [0] * n)))
        gp.ineq_form.append(rng.choice(["le", "ge"]))
        if not used_vars(gp).all():
            continue
        st, _, t = gp_cvx(gp, phase1=True)
        if st != "optimal" or t < 1.05:
            continue
        k += 1
        pid = "gpinf-%04d" % k
        rng2 = random.Random(seed * 7 + k)
        style = rng.choice(["pow", "frac"])
        obj, cons, over = gp_texts(gp, NAMES, style, False, list(range(n)), rng2)
        if not gp.bounds:
            over = []
        bt = {NAMES[i]: list(gp.bounds[i]) for i in gp.bounds}
        by = "cvxopt.solvers.gp phase-I: least factor by which the constraints must be loosened is %.6g > 1" % t
        out.append(record(pid, "gp-infeasible", "min", obj, cons, over, NAMES, n, bt, "infeasible", None, None, True, by))
        if k % 4 == 0:
            order = list(range(n))
            rng2.shuffle(order)
            obj2, cons2, over2 = gp_texts(gp, NAMES, "frac" if style == "pow" else "pow", True, order, rng2)
            out.append(record(pid + "-w2", "gp-infeasible", "min", obj2, cons2, over2, NAMES, n, bt, "infeasible", None,
                              None, True, by, extra={"twin_of": pid}))
    return out


def gen_chinchilla(count, seed):
    """Compute-optimal questions on random Chinchilla-form laws (a law definition inlined)."""
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        E = lit(rng.uniform(1.0, 2.5), 3)[1]
        A = lit(10 ** rng.uniform(1.5, 3.5), 4)[1]
        B = lit(10 ** rng.uniform(1.5, 3.5), 4)[1]
        al = lit(rng.uniform(0.2, 0.5), 2)[1]
        be = lit(rng.uniform(0.2, 0.5), 2)[1]
        C = lit(10 ** rng.uniform(19, 26), 3)[1]
        gp = GP(2)
        gp.obj = [Mono(A, [-al, 0]), Mono(B, [0, -be])]
        gp.const = E
        cons_extra = []
        kind = k % 4
        if kind == 0:
            gp.eq.append((Mono(6, [1, 1]), Mono(C, [0, 0])))
            cons_text = [("6*N*D", "=", lit(C, 8)[0])]
        elif kind == 1:
            gp.ineq.append(([Mono(6, [1, 1])], Mono(C, [0, 0])))
            gp.ineq_form.append("le")
            r = lit(rng.uniform(5, 40), 3)[1]
            gp.ineq.append(([Mono(r, [1, -1])], Mono(1, [0, 0])))
            gp.ineq_form.append("ge")
            cons_text = [("6*N*D", "<=", lit(C, 8)[0]), ("D", ">=", "%s*N" % lit(r, 8)[0])]
        elif kind == 2:
            lam = lit(10 ** rng.uniform(-26, -22), 3)[1]
            r = lit(rng.uniform(5, 40), 3)[1]
            gp.obj.append(Mono(6 * lam, [1, 1]))
            gp.ineq.append(([Mono(r, [1, -1])], Mono(1, [0, 0])))
            gp.ineq_form.append("ge")
            cons_text = [("D", ">=", "%s*N" % lit(r, 8)[0])]
            cons_extra = lam
        else:
            gp.eq.append((Mono(6, [1, 1]), Mono(C, [0, 0])))
            dmax = lit(10 ** rng.uniform(10, 13), 3)[1]
            gp.ineq.append(([Mono(1, [0, 1])], Mono(dmax, [0, 0])))
            gp.ineq_form.append("le")
            cons_text = [("compute: 6*N*D", "=", lit(C, 8)[0]), ("data: D", "<=", lit(dmax, 8)[0])]
        r = solve_gp_checked(gp, rng, shift=np.array([math.log(1e9), math.log(1e11)]), scale_limit=30)
        if r is None:
            continue
        y, val = r
        k += 1
        prelude = "law L(N, D) = E + A / N^alpha + B / D^beta\n    where E = %s, A = %s, B = %s, alpha = %s, beta = %s\n" % (
            lit(E, 8)[0], lit(A, 8)[0], lit(B, 8)[0], lit(al, 8)[0], lit(be, 8)[0])
        obj = "L(N, D)" if kind != 2 else "L(N, D) + 6*N*D*%s" % lit(cons_extra, 8)[0]
        cons = [(l.split(": ")[-1], op, rr) for (l, op, rr) in cons_text]
        rec = record("chin-%04d" % k, "gp-chinchilla", "min", obj, cons, [], ["N", "D"], 2, {}, "optimal", fnum(val),
                     {"N": fnum(math.exp(y[0])), "D": fnum(math.exp(y[1]))}, True, "cvxopt.solvers.gp (SLSQP agrees)",
                     prelude=prelude)
        rec["script"] = prelude + "let o = minimize %s subject to %s" % (obj, ", ".join("%s %s %s" % c for c in cons_text))
        out.append(rec)
    return out


# ---- signomials unbounded along a ray --------------------------------------------------------

def gen_sig_unbounded(count, seed):
    """Positive variables; the objective has a negative term that grows fastest along a ray
    x = exp(y0 + s d), and every constraint holds along the whole ray (each `<=` has all its
    terms' ratios non-increasing along d; each `>=` has one term whose ratio alone is >= 1 at s = 0
    and non-decreasing). So the objective falls without limit: unbounded, by construction."""
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        n = rng.randint(1, 4)
        d = np.array([rng.choice([-1, 0, 1]) for _ in range(n)], dtype=float)
        if not d.any():
            continue
        y0 = np.array([rng.uniform(-1, 1) for _ in range(n)])
        x0 = np.exp(y0)
        others = [random_mono(rng, n) for _ in range(rng.randint(1, 3))]
        top = max(float(t.a @ d) for t in others)
        base = random_mono(rng, n)
        a = base.a.copy()
        while float(a @ d) <= max(top, 0):
            a = a + d * rng.choice([0.5, 1])
        if np.max(np.abs(a)) > 3:
            continue
        neg = Mono(-lit(10 ** rng.uniform(-1, 1), 3)[1], a)
        obj = others + [neg]
        rng.shuffle(obj)
        ineq, forms = [], []
        for _ in range(rng.randint(0, 3)):
            if rng.random() < 0.6:
                g = random_mono(rng, n, density=0.4)
                p = []
                for _ in range(rng.randint(1, 2)):
                    t = random_mono(rng, n)
                    if float((t.a - g.a) @ d) > 0:
                        t = Mono(t.c, t.a - d * math.ceil(float((t.a - g.a) @ d) / float(d @ d) * 2) / 2)
                    p.append(t)
                ratio = posy_val(p, x0) / g.val(x0)
                g = Mono(lit(g.c * ratio * rng.uniform(1.5, 3), 3)[1], g.a)
                ineq.append((p, g, "le"))
            else:
                g = random_mono(rng, n, density=0.4)
                p = [random_mono(rng, n) for _ in range(rng.randint(1, 2))]
                j = rng.randrange(len(p))
                if float((p[j].a - g.a) @ d) < 0:
                    p[j] = Mono(p[j].c, p[j].a + d * math.ceil(-float((p[j].a - g.a) @ d) / float(d @ d) * 2) / 2)
                g = Mono(lit(p[j].val(x0) / rng.uniform(1.5, 3) / Mono(1, g.a).val(x0), 3)[1], g.a)
                ineq.append((p, g, "ge"))
        # the certificate, checked: constraints hold along the ray, the objective falls
        ok = True
        for (p, g, form) in ineq:
            if form == "le":
                ok &= all(float((t.a - g.a) @ d) <= 1e-12 for t in p) and posy_val(p, x0) <= g.val(x0)
            else:
                ok &= any(float((t.a - g.a) @ d) >= -1e-12 and t.val(x0) >= g.val(x0) for t in p)
        if not ok or np.max([np.max(np.abs(t.a)) for (p, g, f) in ineq for t in p + [g]] + [0]) > 3:
            continue
        tops = sorted((float(t.a @ d), t.c) for t in obj)
        if not (tops[-1][1] < 0 and tops[-1][0] > 0 and (len(tops) == 1 or tops[-1][0] > tops[-2][0])):
            continue
        fvals = [posy_val(obj, np.exp(y0 + s * d)) for s in (0, 10, 20, 40)]
        if not (fvals[-1] < -1e6 and fvals[-1] < fvals[-2] < fvals[-3]):
            continue
        used = np.zeros(n, dtype=bool)
        for t in obj + [t for (p, g, f) in ineq for t in p + [g]]:
            used |= t.a != 0
        if not used.all():
            continue
        k += 1
        pid = "ray-%04d" % k
        sense = "max" if k % 4 == 0 else "min"
        rays = {"from": {NAMES[i]: fnum(x0[i]) for i in range(n)}, "log_direction": {NAMES[i]: float(d[i]) for i in range(n)}}
        for w in ([0, 1] if k % 3 == 0 else [0]):
            style = "pow" if (k + w) % 2 == 0 else "frac"
            order = list(range(len(obj)))
            if w:
                rng.shuffle(order)
            o_terms = obj if sense == "min" else [Mono(-t.c, t.a) for t in obj]
            otext = posy_text(o_terms, NAMES, style, order)
            cons = []
            for (p, g, form) in ineq:
                pt, gt = posy_text(p, NAMES, style), mono_text(g, NAMES, style, True)
                cons.append((pt, "<=", gt) if form == "le" else (pt, ">=", gt))
            over = []
            if w:
                vo = list(range(n))
                rng.shuffle(vo)
                over = [NAMES[i] for i in vo]
                rng.shuffle(cons)
            by = "constructed: a ray in log space along which every constraint holds and the objective falls without limit"
            out.append(record(pid + ("-w2" if w else ""), "signomial-unbounded", sense, otext, cons, over, NAMES, n, {},
                              "unbounded", None, None, True, by, extra=dict({"ray": rays}, **({"twin_of": pid} if w else {}))))
    return out


# ---- smooth non-convex problems (local references) --------------------------------------------

class Term:
    """c * prod x_i^k_i (integer k, any sign of x), or c*exp(r*x_i) when kind == 'exp'."""

    def __init__(self, c, a, kind="mono", i=0, r=0.0):
        self.c, self.a, self.kind, self.i, self.r = float(c), np.array(a, dtype=float), kind, i, r

    def val(self, x):
        if self.kind == "exp":
            return self.c * math.exp(self.r * x[self.i])
        return self.c * float(np.prod(np.power(x, self.a)))

    def interval(self, box):
        """A sound enclosure of the term over the box."""
        if self.kind == "exp":
            lo, hi = box[self.i]
            vals = [self.c * math.exp(self.r * lo), self.c * math.exp(self.r * hi)]
            return min(vals), max(vals)
        iv = (self.c, self.c)
        for i, k in enumerate(self.a):
            if k == 0:
                continue
            lo, hi = box[i]
            cand = [lo ** k, hi ** k]
            if k % 2 == 0 and lo < 0 < hi:
                cand.append(0.0)
            f = (min(cand), max(cand))
            prods = [iv[0] * f[0], iv[0] * f[1], iv[1] * f[0], iv[1] * f[1]]
            iv = (min(prods), max(prods))
        return iv

    def text(self, names, lead, style):
        ctext, _ = lit(abs(self.c), 8)
        if self.kind == "exp":
            body = "exp(%s*%s)" % (lit(self.r, 8)[0], names[self.i]) if self.r > 0 else "exp(-%s*%s)" % (lit(-self.r, 8)[0], names[self.i])
            factors = ([ctext] if abs(self.c) != 1 else []) + [body]
        else:
            fac = [names[i] if k == 1 else "%s^%s" % (names[i], exp_text(k)) if k > 0 else "%s^(%s)" % (names[i], exp_text(k))
                   for i, k in enumerate(self.a) if k != 0]
            if style == "pow":
                fac = [names[i] + "^(%s)" % exp_text(k) for i, k in enumerate(self.a) if k != 0]
            factors = ([ctext] if (abs(self.c) != 1 or not fac) else []) + fac
        body = "*".join(factors)
        if lead:
            return ("-" + body) if self.c < 0 else body
        return ("- " if self.c < 0 else "+ ") + body


def merged(terms):
    """Like terms added up (exp terms kept as they are), zero sums dropped."""
    out, seen = [], {}
    for t in terms:
        if t.kind != "mono":
            out.append(t)
            continue
        key = tuple(t.a)
        if key in seen:
            o = seen[key]
            o.c = lit(o.c + t.c, 3)[1]
        else:
            seen[key] = Term(t.c, t.a)
            out.append(seen[key])
    return [t for t in out if t.c != 0]


def expr_val(terms, x):
    return sum(t.val(x) for t in terms)


def expr_text(terms, names, style="plain", order=None):
    order = order if order is not None else range(len(terms))
    return " ".join(terms[j].text(names, k == 0, style) for k, j in enumerate(order))


def expr_interval(terms, box):
    lo = hi = 0.0
    for t in terms:
        a, b = t.interval(box)
        lo, hi = lo + a, hi + b
    return lo, hi


def random_poly(rng, n, nterms, maxdeg=3, exp_ok=True, coef=(-3, 3)):
    terms = []
    for _ in range(nterms):
        if exp_ok and rng.random() < 0.12:
            terms.append(Term(lit(rng.uniform(0.2, 2), 3)[1], [0] * n, "exp", rng.randrange(n), lit(rng.choice([-1, 1]) * rng.uniform(0.2, 1), 2)[1]))
            continue
        a = [0] * n
        for _ in range(rng.randint(1, maxdeg)):
            a[rng.randrange(n)] += 1
        c = rng.uniform(*coef)
        if abs(c) < 0.1:
            c = 0.5
        terms.append(Term(lit(c, 3)[1], a))
    return merged(terms)


class Smooth:
    """min f(x) over a box subject to g(x) <= / >= / = level; variables any sign, or positive
    (then `logspace`: searched in log space)."""

    def __init__(self, n):
        self.n, self.f, self.cons, self.box, self.sense, self.logspace = n, [], [], [], "min", False

    def viol(self, x):
        v = 0.0
        for (g, op, lev) in self.cons:
            r = expr_val(g, x) - lev
            scale = max(1.0, abs(lev))
            v = max(v, (r if op == "<=" else -r if op == ">=" else abs(r)) / scale)
        for i, (lo, hi) in enumerate(self.box):
            v = max(v, (lo - x[i]) / max(1, abs(lo)), (x[i] - hi) / max(1, abs(hi)))
        return v


def smooth_multistart(pb, rng, starts):
    n = pb.n
    sgn = -1 if pb.sense == "max" else 1
    tx = (lambda z: np.exp(z)) if pb.logspace else (lambda z: z)
    bnds = [(math.log(lo), math.log(hi)) if pb.logspace else (lo, hi) for (lo, hi) in pb.box]

    def f(z):
        return sgn * expr_val(pb.f, tx(z))

    cons = []
    for (g, op, lev) in pb.cons:
        s = max(1.0, abs(lev))
        if op == "<=":
            cons.append({"type": "ineq", "fun": (lambda z, g=g, lev=lev, s=s: (lev - expr_val(g, tx(z))) / s)})
        elif op == ">=":
            cons.append({"type": "ineq", "fun": (lambda z, g=g, lev=lev, s=s: (expr_val(g, tx(z)) - lev) / s)})
        else:
            cons.append({"type": "eq", "fun": (lambda z, g=g, lev=lev, s=s: (expr_val(g, tx(z)) - lev) / s)})
    best = None
    for k in range(starts):
        z0 = np.array([rng.uniform(lo, hi) for (lo, hi) in bnds])
        method = "trust-constr" if k % 10 == 9 else "SLSQP"
        try:
            with np.errstate(all="ignore"):
                if method == "SLSQP":
                    r = minimize(f, z0, method="SLSQP", bounds=bnds, constraints=cons, options={"ftol": 1e-14, "maxiter": 400})
                else:
                    r = minimize(f, z0, method="trust-constr", bounds=bnds, constraints=cons, options={"gtol": 1e-10, "xtol": 1e-12, "maxiter": 800})
                    r = minimize(f, r.x, method="SLSQP", bounds=bnds, constraints=cons, options={"ftol": 1e-14, "maxiter": 400})
        except (ValueError, OverflowError, ZeroDivisionError):
            continue
        z = np.clip(r.x, [b[0] for b in bnds], [b[1] for b in bnds])
        x = tx(z)
        if not np.all(np.isfinite(x)) or pb.viol(x) > 1e-9:
            continue
        val = expr_val(pb.f, x)
        if best is None or sgn * val < sgn * best[0]:
            best = (val, x)
    return best


def smooth_texts(pb, names, style, perm, var_order, rng):
    order = list(range(len(pb.f)))
    if perm:
        rng.shuffle(order)
    obj = expr_text(pb.f, names, style, order)
    cons = [(expr_text(g, names, style), op, lit(lev, 8)[0]) for (g, op, lev) in pb.cons]
    if perm:
        rng.shuffle(cons)
    over = ["%s in [%s, %s]" % (names[i], lit(pb.box[i][0], 8)[0], lit(pb.box[i][1], 8)[0]) for i in var_order]
    return obj, cons, over


def smooth_random(rng, n, logspace):
    pb = Smooth(n)
    pb.logspace = logspace
    if logspace:
        for _ in range(n):
            lo = lit(10 ** rng.uniform(-2, 0), 2)[1]
            pb.box.append((lo, lit(lo * 10 ** rng.uniform(1, 2.5), 2)[1]))
        # a signomial: posynomial-like terms with some negative coefficients
        pb.f = []
        for _ in range(rng.randint(2, 5)):
            m = random_mono(rng, n)
            pb.f.append(Term(m.c * (1 if rng.random() < 0.55 else -1), m.a))
        pb.f = merged(pb.f)
        for _ in range(rng.randint(0, 2)):
            m = [random_mono(rng, n) for _ in range(rng.randint(1, 3))]
            g = merged([Term(t.c * (1 if rng.random() < 0.7 else -1), t.a) for t in m])
            pb.cons.append((g, rng.choice(["<=", ">="]), 0.0))
        if n >= 2 and rng.random() < 0.25:
            m = random_mono(rng, n, density=0.8)
            pb.cons.append(([Term(m.c, m.a)], "=", 0.0))
    else:
        for _ in range(n):
            lo = rng.choice([-1, -2, -3, -5, -10]) * lit(rng.uniform(0.5, 1), 2)[1]
            pb.box.append((lit(lo, 2)[1], lit(abs(lo) * rng.uniform(0.3, 1.5), 2)[1]))
        pb.f = random_poly(rng, n, rng.randint(2, 5), maxdeg=rng.choice([2, 3, 4]))
        for _ in range(rng.randint(0, 3)):
            kind = rng.random()
            if kind < 0.4:
                g = random_poly(rng, n, rng.randint(1, 3), maxdeg=1, exp_ok=False)
            elif kind < 0.8:
                g = random_poly(rng, n, rng.randint(1, 3), maxdeg=2, exp_ok=False)
            else:
                g = random_poly(rng, n, 2, maxdeg=3)
            pb.cons.append((g, rng.choice(["<=", ">=", "<=", "="]), 0.0))
    # levels: make the constraints hold (or bind) near a random point of the box
    zc = [math.exp(rng.uniform(math.log(lo), math.log(hi))) if logspace else rng.uniform(lo, hi) for (lo, hi) in pb.box]
    newc = []
    for (g, op, _) in pb.cons:
        v = expr_val(g, np.array(zc))
        spread = abs(v) * 0.3 + 0.1
        lev = v + (spread if op == "<=" else -spread if op == ">=" else 0.0)
        newc.append((g, op, lit(lev, 4)[1]))
    pb.cons = newc
    if rng.random() < 0.15:
        pb.sense = "max"
    return pb


def smooth_used(pb):
    used = np.zeros(pb.n, dtype=bool)
    for t in pb.f + [t for (g, op, lev) in pb.cons for t in g]:
        if t.kind == "exp":
            used[t.i] = True
        else:
            used |= t.a != 0
    return used


def gen_smooth(count, seed, logspace, cls, prefix):
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        n = rng.randint(1, 4) if not logspace else rng.randint(1, 3)
        pb = smooth_random(rng, n, logspace)
        if not smooth_used(pb).all():
            continue
        if not pb.f or any(not g for (g, op, lev) in pb.cons):
            continue
        best = smooth_multistart(pb, rng, 20 + 6 * n)
        if best is None:
            continue
        k += 1
        pid = "%s-%04d" % (prefix, k)
        val, x = best
        point = {NAMES[i]: fnum(x[i]) for i in range(n)}
        bt = {NAMES[i]: list(pb.box[i]) for i in range(n)}
        by = "SciPy SLSQP (+ trust-constr) from %d starts%s; best feasible point (local)" % (20 + 6 * n, " in log space" if logspace else "")
        style = "plain"
        obj, cons, over = smooth_texts(pb, NAMES, style, False, list(range(n)), rng)
        note = "feasible set compact and nonempty: an optimum exists; the reference value is the best local one found"
        out.append(record(pid, cls, pb.sense, obj, cons, over, NAMES, n, bt, "optimal", fnum(val), point, False, by, note=note))
        if k % 5 == 0:
            vo = list(range(n))
            rng.shuffle(vo)
            obj2, cons2, over2 = smooth_texts(pb, NAMES, "pow", True, vo, rng)
            out.append(record(pid + "-w2", cls, pb.sense, obj2, cons2, over2, NAMES, n, bt, "optimal", fnum(val), point,
                              False, by, note=note, extra={"twin_of": pid}))
    return out


def gen_box_infeasible(count, seed):
    """Any-sign variables in a box; one constraint's side is enclosed (interval arithmetic) in a
    range that misses the level: infeasible, proven by the enclosure."""
    rng = random.Random(seed)
    out = []
    k = 0
    while k < count:
        n = rng.randint(1, 4)
        pb = smooth_random(rng, n, False)
        g = random_poly(rng, n, rng.randint(1, 3), maxdeg=rng.choice([1, 2, 3]))
        lo, hi = expr_interval(g, pb.box)
        op = rng.choice(["<=", ">=", "="])
        if op == "<=":
            lev = lo - (abs(lo) * 0.2 + 0.5)
        elif op == ">=":
            lev = hi + (abs(hi) * 0.2 + 0.5)
        else:
            lev = hi + (abs(hi) * 0.2 + 0.5) if rng.random() < 0.5 else lo - (abs(lo) * 0.2 + 0.5)
        lev = lit(lev, 4)[1]
        if not (lev < lo or lev > hi):
            continue
        pb.cons.insert(rng.randint(0, len(pb.cons)), (g, op, lev))
        if not smooth_used(pb).all():
            continue
        k += 1
        obj, cons, over = smooth_texts(pb, NAMES, "plain", False, list(range(n)), rng)
        bt = {NAMES[i]: list(pb.box[i]) for i in range(n)}
        by = "constructed: interval arithmetic encloses %s in [%.6g, %.6g] over the box, missing the level %s" % (
            expr_text(g, NAMES), lo, hi, lit(lev, 8)[0])
        out.append(record("boxinf-%04d" % k, "box-infeasible", pb.sense, obj, cons, over, NAMES, n, bt, "infeasible",
                          None, None, True, by))
    return out


# ---- linear programs ---------------------------------------------------------------------------

def gen_lp(count, seed):
    """Ranged variables (some reaching below zero): linprog (HiGHS) gives the global optimum or
    proves infeasibility. Unbounded ones use unranged positive variables and a recession ray."""
    rng = random.Random(seed)
    out = []
    k = 0
    n_unb = count // 6
    while k < count - n_unb:
        n = rng.randint(1, 5)
        box = []
        for _ in range(n):
            lo = lit(rng.uniform(-10, 2), 2)[1]
            box.append((lo, lit(lo + rng.uniform(1, 15), 2)[1]))
        c = [lit(rng.uniform(-5, 5), 3)[1] for _ in range(n)]
        m = rng.randint(1, 4)
        A = [[lit(rng.uniform(-4, 4), 2)[1] if rng.random() < 0.8 else 0.0 for _ in range(n)] for _ in range(m)]
        ops = [rng.choice(["<=", ">=", "<=", ">=", "="]) if n > 1 else rng.choice(["<=", ">="]) for _ in range(m)]
        xc = np.array([rng.uniform(lo, hi) for (lo, hi) in box])
        want_infeasible = k % 5 == 4
        b = []
        for row, op in zip(A, ops):
            v = float(np.dot(row, xc))
            b.append(lit(v + (rng.uniform(0.5, 3) if op == "<=" else -rng.uniform(0.5, 3) if op == ">=" else 0), 3)[1])
        if want_infeasible:
            row = [lit(rng.uniform(-4, 4), 2)[1] for _ in range(n)]
            lo_, hi_ = expr_interval([Term(row[i], [1 if j == i else 0 for j in range(n)]) for i in range(n)], box)
            op = rng.choice(["<=", ">="])
            A.append(row)
            ops.append(op)
            b.append(lit(lo_ + rng.uniform(0.1, 0.6) * (hi_ - lo_), 3)[1])
        if any(all(a == 0 for a in row) for row in A) or not all(any(A[r][i] for r in range(len(A))) or c[i] for i in range(n)):
            continue
        if any(ci == 0 for ci in c) and not all(any(A[r][i] for r in range(len(A))) for i in range(n)):
            continue
        sense = "max" if rng.random() < 0.3 else "min"
        Aub, bub, Aeq, beq = [], [], [], []
        for row, op, bb in zip(A, ops, b):
            if op == "<=":
                Aub.append(row); bub.append(bb)
            elif op == ">=":
                Aub.append([-a for a in row]); bub.append(-bb)
            else:
                Aeq.append(row); beq.append(bb)
        cc = [(-ci if sense == "max" else ci) for ci in c]
        res = linprog(cc, A_ub=Aub or None, b_ub=bub or None, A_eq=Aeq or None, b_eq=beq or None, bounds=box, method="highs")
        if res.status == 2:
            status, val, point = "infeasible", None, None
        elif res.status == 0:
            status, val = "optimal", float(np.dot(c, res.x))
            point = {NAMES[i]: fnum(res.x[i]) for i in range(n)}
        else:
            continue
        if want_infeasible != (status == "infeasible"):
            continue
        if not all(any(A[r][i] for r in range(len(A))) or c[i] != 0 for i in range(n)):
            continue
        if any(c[i] == 0 and not any(A[r][i] for r in range(len(A))) for i in range(n)):
            continue
        terms = [Term(c[i], [1 if j == i else 0 for j in range(n)]) for i in range(n) if c[i] != 0]
        if not terms:
            continue
        k += 1
        pid = "lp-%04d" % k
        cons = [(expr_text([Term(row[i], [1 if j == i else 0 for j in range(n)]) for i in range(n) if row[i] != 0], NAMES), op, lit(bb, 8)[0])
                for row, op, bb in zip(A, ops, b)]
        over = ["%s in [%s, %s]" % (NAMES[i], lit(box[i][0], 8)[0], lit(box[i][1], 8)[0]) for i in range(n)]
        bt = {NAMES[i]: list(box[i]) for i in range(n)}
        obj = expr_text(terms, NAMES)
        by = "scipy.optimize.linprog (HiGHS)"
        out.append(record(pid, "linear", sense, obj, cons, over, NAMES, n, bt, status, fnum(val) if val is not None else None,
                          point, True, by))
        if k % 5 == 0:
            vo = list(range(n))
            rng.shuffle(vo)
            order = list(range(len(terms)))
            rng.shuffle(order)
            cons2 = list(cons)
            rng.shuffle(cons2)
            over2 = [over[i] for i in vo]
            out.append(record(pid + "-w2", "linear", sense, expr_text(terms, NAMES, "plain", order), cons2, over2, NAMES, n,
                              bt, status, fnum(val) if val is not None else None, point, True, by, extra={"twin_of": pid}))
    j = 0
    while j < n_unb:
        n = rng.randint(1, 4)
        d = np.array([rng.choice([0, 1, 1, 2]) for _ in range(n)], dtype=float)
        if not d.any():
            continue
        x0 = np.array([rng.uniform(0.5, 3) for _ in range(n)])
        c = [lit(rng.uniform(-5, 5), 3)[1] for _ in range(n)]
        if float(np.dot(c, d)) >= -0.1:
            continue
        rows, ops, bs = [], [], []
        for _ in range(rng.randint(1, 3)):
            row = [lit(rng.uniform(-4, 4), 2)[1] for _ in range(n)]
            op = rng.choice(["<=", ">="])
            s = float(np.dot(row, d))
            if (op == "<=" and s > 0) or (op == ">=" and s < 0):
                row = [-a for a in row]  # now the constraint holds all along the ray
            v = float(np.dot(row, x0))
            rows.append(row); ops.append(op)
            bs.append(lit(v + (1 if op == "<=" else -1) * rng.uniform(0.5, 2), 3)[1])
        if not all(any(r[i] for r in rows) or c[i] for i in range(n)):
            continue
        j += 1
        sense = "max" if j % 3 == 0 else "min"
        cs = [(-ci if sense == "max" else ci) for ci in c]
        terms = [Term(cs[i], [1 if q == i else 0 for q in range(n)]) for i in range(n) if cs[i] != 0]
        cons = [(expr_text([Term(row[i], [1 if q == i else 0 for q in range(n)]) for i in range(n) if row[i] != 0], NAMES), op, lit(bb, 8)[0])
                for row, op, bb in zip(rows, ops, bs)]
        by = "constructed: x0 + s*d stays feasible for s >= 0 (A d has the constraints' signs, d >= 0) and c.d < 0"
        out.append(record("lpray-%04d" % j, "linear", sense, expr_text(terms, NAMES), cons, [], NAMES, n, {}, "unbounded",
                          None, None, True, by, extra={"ray": {"from": {NAMES[i]: fnum(x0[i]) for i in range(n)},
                                                               "direction": {NAMES[i]: float(d[i]) for i in range(n)}}}))
    return out


# ---- the cases of issue 12 ----------------------------------------------------------------------

def table_cases():
    out = []
    rng = random.Random(12)
    chin = "law L(N, D) = E + A / N^alpha + B / D^beta\n    where E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28\n"

    def ray(frm, d):
        return {"ray": {"from": frm, "log_direction": d}}

    def add(pid, sense, obj, cons, over, names, status, value, point, glob, by, prelude="", solve=None, extra=None):
        rec = record(pid, "issue12", sense, obj, cons, over, names, len(names), {}, status, value, point, glob, by, prelude=prelude)
        if solve:
            rec["script"] = prelude + "let o = " + solve
            rec["sense"] = "solve"
        if extra:
            rec.update(extra)
        out.append(rec)

    # 1. Chinchilla with a compute cost: a GP (posynomial + constant), solved by cvxopt
    gp = GP(2)
    gp.obj = [Mono(406.4, [-0.34, 0]), Mono(410.7, [0, -0.28]), Mono(6e-24, [1, 1])]
    gp.const = 1.69
    gp.ineq = [([Mono(20, [1, -1])], Mono(1, [0, 0]))]
    gp.ineq_form = ["ge"]
    y, v = solve_gp_checked(gp, rng, shift=np.array([math.log(1e10), math.log(1e12)]), scale_limit=30)
    add("issue12-01", "min", "L(N, D) + 6*N*D/1e24", [("D", ">=", "20*N")], [], ["N", "D"], "optimal", fnum(v),
        {"N": fnum(math.exp(y[0])), "D": fnum(math.exp(y[1]))}, True, "cvxopt.solvers.gp", prelude=chin)
    # 2. the equality loosened
    add("issue12-02", "min", "P", [("P + V", "=", "7B"), ("V", "<=", "1B")], [], ["P", "V"], "optimal", 6e9,
        {"P": 6e9, "V": 1e9}, True, "constructed: P = 7B - V >= 6B, attained at V = 1B")
    # 3. a GP with a one-term inequality, and the variants the issue mentions
    for pid, extra_c in (("issue12-03", []), ("issue12-03b", [("x", "<=", "100")])):
        gp = GP(2)
        gp.obj = [Mono(1, [1, -2]), Mono(1, [-2, 1]), Mono(1, [2, 2])]
        gp.ineq = [([Mono(1, [-1, -2])], Mono(1, [0, 0]))] + ([([Mono(1, [1, 0])], Mono(100, [0, 0]))] if extra_c else [])
        gp.ineq_form = ["ge"] * len(gp.ineq)
        y, v = solve_gp_checked(gp, rng)
        add(pid, "min", "x/y^2 + y/x^2 + x^2*y^2", [("x*y^2", ">=", "1")] + extra_c, [], ["x", "y"], "optimal", fnum(v),
            {"x": fnum(math.exp(y[0])), "y": fnum(math.exp(y[1]))}, True, "cvxopt.solvers.gp")
    gp = GP(2)
    gp.obj = [Mono(1, [1, -2]), Mono(1, [-2, 1]), Mono(1, [2, 2])]
    gp.eq = [(Mono(1, [1, 2]), Mono(1, [0, 0]))]
    y, v = solve_gp_checked(gp, rng)
    add("issue12-03c", "min", "x/y^2 + y/x^2 + x^2*y^2", [("x*y^2", "=", "1")], [], ["x", "y"], "optimal", fnum(v),
        {"x": fnum(math.exp(y[0])), "y": fnum(math.exp(y[1]))}, True, "cvxopt.solvers.gp")
    # 4. -y^2 with 1/x^2 + x^2*y <= 2: y <= 2t - t^2 (t = 1/x^2) <= 1
    add("issue12-04", "min", "-y^2", [("1/x^2 + x^2*y", "<=", "2")], [], ["x", "y"], "optimal", -1.0, {"x": 1.0, "y": 1.0},
        True, "constructed: y <= 2t - t^2 <= 1 with t = 1/x^2, equality at x = y = 1")
    # 5-8. unbounded
    add("issue12-05", "min", "2.48*x^(-2)*y^(2) - 2.91 - 1.3*x^(-2)*y^(-2)", [], [], ["x", "y"], "unbounded", None, None, True,
        "constructed: at y = 0.5 the objective is -2.91 - 4.58/x^2, falling without limit as x -> 0",
        extra=ray({"x": 1.0, "y": 0.5}, {"x": -1.0, "y": 0.0}))
    add("issue12-06", "min", "-N - D", [("N*D", "<=", "100")], [], ["N", "D"], "unbounded", None, None, True,
        "constructed: N = t, D = 1/t is feasible and the objective is below -t", extra=ray({"N": 1.0, "D": 1.0}, {"N": 1.0, "D": -1.0}))
    add("issue12-07", "max", "N + D", [("N*D", "=", "100")], [], ["N", "D"], "unbounded", None, None, True,
        "constructed: N = t, D = 100/t is feasible and the objective is above t", extra=ray({"N": 10.0, "D": 10.0}, {"N": 1.0, "D": -1.0}))
    c8 = [("(0.92)*x^(-2)*y^(1) + (0.58)*x^(2)*y^(-2)", ">=", "4.5")]
    add("issue12-08", "min", "(-2.9)*x^(-1)*y^(2) + (1.04)*x^(2)*y^(-2) + (0.3)*x^(2)*y^(1)", c8, [], ["x", "y"], "unbounded",
        None, None, True, "constructed: x = 1, y = t >= 5 is feasible (0.92 t >= 4.6) and the objective is below -2.9 t^2 + 0.3 t + 1.04",
        extra=ray({"x": 1.0, "y": 5.0}, {"x": 0.0, "y": 1.0}))
    add("issue12-08b", "min", "-2.9*y^2/x + 1.04*x^2/y^2 + 0.3*x^2*y", [("0.92*y/x^2 + 0.58*x^2/y^2", ">=", "4.5")], ["y", "x"],
        ["x", "y"], "unbounded", None, None, True, "the same problem as issue12-08, written the other way",
        extra=dict(ray({"x": 1.0, "y": 5.0}, {"x": 0.0, "y": 1.0}), twin_of="issue12-08"))
    # 9. x^3 over a huge range
    add("issue12-09", "min", "x^3", [], ["x in [-1e100, 1e100]"], ["x"], "optimal", -1e300, {"x": -1e100}, True,
        "constructed: x^3 is increasing, so the minimum is at the lower end")
    out[-1]["bounds"] = {"x": [-1e100, 1e100]}
    # 10. a law with a negative parameter
    add("issue12-10", "min", "Q(N)", [("N", "<=", "10")], [], ["N"], "unbounded", None, None, True,
        "constructed: Q(N) = -1/N + N falls without limit as N -> 0", prelude="law Q(N) = A/N + N where A = -1\n",
        extra=ray({"N": 1.0}, {"N": -1.0}))
    # 11-12. solve
    add("issue12-11", "solve", "x", [("(x-3)/(x-1.2345)", "=", "0")], [], ["x"], "optimal", 3.0, {"x": 3.0}, True,
        "constructed: the only zero of the numerator in [0, 5]", solve="solve (x-3)/(x-1.2345) = 0 for x in [0, 5]")
    out[-1]["bounds"] = {"x": [0, 5]}
    add("issue12-12", "solve", "x", [("(x-2)*(x-2.05)*(x-7)", "=", "0")], [], ["x"], "optimal", 2.0, {"x": 2.0}, True,
        "constructed: roots 2, 2.05, 7; law reports the smallest", solve="solve (x-2)*(x-2.05)*(x-7) = 0 for x")
    return out


def classes(s, q):
    """(class, generator, arguments) for every class, in file order; class k uses seed s + k."""
    return [
        ("issue12", table_cases, ()),
        ("gp", gen_gp, (q(600), s + 1)),
        ("gp-chinchilla", gen_chinchilla, (q(80), s + 2)),
        ("gp-scale", gen_gp_scale, (q(150), s + 3)),
        ("gp-equality", gen_gp_eq, (q(120), s + 4)),
        ("gp-infeasible", gen_gp_infeasible, (q(120), s + 5)),
        ("signomial-unbounded", gen_sig_unbounded, (q(180), s + 6)),
        ("signomial-box", gen_smooth, (q(220), s + 7, True, "signomial-box", "sig")),
        ("smooth", gen_smooth, (q(250), s + 8, False, "smooth", "smooth")),
        ("box-infeasible", gen_box_infeasible, (q(60), s + 9)),
        ("linear", gen_lp, (q(200), s + 10)),
    ]


ALL_CLASSES = classes(0, lambda c: c)


def run_part(name, make, args):
    import warnings
    warnings.simplefilter("ignore")
    t = time.time()
    got = make(*args)
    return name, got, time.time() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--jobs", type=int, default=2, help="classes generated in parallel (results do not depend on it)")
    ap.add_argument("--only", help="regenerate one class and splice it into the stored file")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every class's count (for quick trials)")
    args = ap.parse_args()
    s = args.seed
    q = lambda c: max(1, int(round(c * args.scale)))
    parts = classes(s, q)
    if args.only:
        parts = [p for p in parts if p[0] == args.only]
        name, got, secs = run_part(*parts[0])
        print("%-20s %5d  (%.0f s)" % (name, len(got), secs), file=sys.stderr)
        order = [p[0] for p in ALL_CLASSES]
        with open(args.out) as f:
            old = [json.loads(line) for line in f if line.strip()]
        merged = [p for p in old if p["class"] != args.only] + got
        merged.sort(key=lambda p: order.index(p["class"]))  # stable: ids keep their order within a class
        write(merged, args.out)
        return
    problems = []
    with multiprocessing.Pool(args.jobs) as pool:
        results = [pool.apply_async(run_part, part) for part in parts]
        for r in results:
            name, got, secs = r.get()
            print("%-20s %5d  (%.0f s)" % (name, len(got), secs), file=sys.stderr)
            problems += got
    write(problems, args.out)


def write(problems, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        for p in problems:
            f.write(json.dumps(p, sort_keys=False, allow_nan=False) + "\n")
    print("%-20s %5d -> %s" % ("total", len(problems), os.path.relpath(path)), file=sys.stderr)


if __name__ == "__main__":
    main()

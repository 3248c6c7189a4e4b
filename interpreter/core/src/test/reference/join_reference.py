"""Reference for JoinReferenceTest: pandas.merge(how="inner") of two random tables on a text
key and on a numeric key, with repeated keys on both sides and keys found on one side only.
Rows whose key is missing are dropped first: law's join matches a missing key with nothing
(pandas would match NaN with NaN). Writes resources/reference/join/*.csv.
Run: /usr/bin/python3 join_reference.py (Debian python3-pandas)."""
import os
import random
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "../resources/reference/join")
os.makedirs(OUT, exist_ok=True)
random.seed(7)
models = [f"m{i}" for i in range(40)]


def table(n, value):
    return pd.DataFrame({
        "model": [random.choice(models + [None]) for _ in range(n)],
        "size": [random.choice(range(1, 30)) for _ in range(n)],
        value: [random.lognormvariate(20, 2) for _ in range(n)],
        "lab": [random.choice(["a", "b", "c"]) for _ in range(n)],
    })


left, right = table(120, "params"), table(90, "tokens")
left.to_csv(os.path.join(OUT, "left.csv"), index=False, float_format="%r")
right.to_csv(os.path.join(OUT, "right.csv"), index=False, float_format="%r")
for key in ("model", "size"):
    merged = pd.merge(left.dropna(subset=[key]), right.dropna(subset=[key]), on=key, how="inner", suffixes=("", "_right"))
    merged.to_csv(os.path.join(OUT, f"on_{key}.csv"), index=False, float_format="%r")
    print(key, len(merged))

"""Reference for FormatReferenceTest: Python's '%.{k}g' of 3,000 doubles over 60 decades
(some short decimals, some exact binary halves), k from 1 to 17. Writes
resources/reference/format_g.csv. Run: /usr/bin/python3 format_reference.py"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
random.seed(20261204)
with open(os.path.join(HERE, "../resources/reference/format_g.csv"), "w") as out:
    out.write("value,digits,python_g\n")
    for i in range(3000):
        v = random.choice([1, -1]) * 10 ** random.uniform(-30, 30)
        if i % 7 == 0:
            v = round(v, random.randint(0, 6))
        if i % 11 == 0:
            v = random.randint(1, 10**6) / 8
        if v == 0:
            v = 1.5
        k = random.randint(1, 17)
        out.write("%r,%d,%s\n" % (v, k, "%.*g" % (k, v)))

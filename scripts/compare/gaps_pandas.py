#!/usr/bin/python3
"""pandas + scipy on the gaps benchmark's own CSV: the figure `gradelens bench gaps` is held to (at least 10x faster).

    scripts/gradelens bench gaps --students 1000000 --csv /tmp/national.csv
    /usr/bin/python3 scripts/compare/gaps_pandas.py /tmp/national.csv

Computes what the bench computes: per subject, every region x grade cell and every total (region, grade, national),
n, mean, SD and % below proficiency (below 50 of 100) per gender; the girls-minus-boys gap with Welch's t-test, the
two-proportion z-test, Hedges' g; Benjamini-Hochberg q-values over every gap. The time covers the computing, not
reading the CSV. Ends with one JSON line. Needs Debian's python3-pandas and python3-scipy.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats


def cells(frame, keys):
    grouped = frame.groupby(keys + ["subject", "gender"], observed=True)
    table = grouped.agg(n=("score", "count"), mean=("score", "mean"), var=("score", "var"), below=("below", "sum"))
    return table.unstack("gender")


def gaps(table):
    a, b = "F", "M"
    n1, n2 = table[("n", a)], table[("n", b)]
    m1, m2 = table[("mean", a)], table[("mean", b)]
    v1, v2 = table[("var", a)], table[("var", b)]
    t, p = stats.ttest_ind_from_stats(m1, np.sqrt(v1), n1, m2, np.sqrt(v2), n2, equal_var=False)
    pooled = np.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
    g = (m1 - m2) / pooled * (1 - 3 / (4 * (n1 + n2) - 9))
    p1, p2 = table[("below", a)] / n1, table[("below", b)] / n2
    share = (table[("below", a)] + table[("below", b)]) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(share * (1 - share) * (1 / n1 + 1 / n2))
    pz = 2 * stats.norm.sf(np.abs(z))
    return pd.DataFrame({"gap": m1 - m2, "t": t, "p": p, "g": g, "gap_pp": 100 * (p1 - p2), "z": z, "p_below": pz})


def benjamini_hochberg(p):
    order = np.argsort(p)
    ranked = p[order] * len(p) / np.arange(1, len(p) + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(len(p))
    out[order] = np.minimum(q, 1)
    return out


def main(path):
    frame = pd.read_csv(path, dtype={"student_id": str, "school": str, "region": "category", "grade": "category",
                                     "gender": "category", "subject": "category", "score": np.float64}, engine="c")
    start = time.perf_counter()
    frame["national"] = "all"
    frame["below"] = frame["score"] < 50
    tables = [gaps(cells(frame, keys)) for keys in (["region", "grade"], ["region"], ["grade"], ["national"])]
    result = pd.concat(tables)
    result["q"] = benjamini_hochberg(result["p"].to_numpy())
    seconds = time.perf_counter() - start

    figures = {
        "results": int(len(frame)),
        "gaps": int(len(result)),
        "significant": int((result["q"] <= 0.05).sum()),
        "seconds": round(seconds, 3),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(f"pandas + scipy: {figures['gaps']} gender gaps with Welch, z, Hedges' g and BH in {seconds:.3f} s")
    print(json.dumps(figures))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

#!/usr/bin/python3
"""scikit-learn on the risk benchmark's own students and folds: the independent figure `gradelens bench risk` is held to.

    scripts/gradelens bench risk --students 1000000 --csv /tmp/risk.csv
    /usr/bin/python3 scripts/compare/risk_sklearn.py /tmp/risk.csv

For each fold: standardise on the other folds, fit LogisticRegression(lbfgs, C=1), score the held-out fold. The time
covers the fits and the scoring, not reading the CSV (as the bench's does not count generating the data). Ends with one
JSON line: seconds, the pooled out-of-fold AUC and the peak memory. Needs Debian's python3-sklearn and python3-pandas.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler


def main(path):
    frame = pd.read_csv(path, dtype=np.float64, engine="c")
    features = [c for c in frame.columns if c[0] == "f" and c[1:].isdigit()]
    x = frame[features].to_numpy()
    y = frame["y"].to_numpy().astype(np.int8)
    folds = frame["fold"].to_numpy().astype(np.int32)
    del frame

    start = time.perf_counter()
    out_of_fold = np.empty(len(y))
    for fold in np.unique(folds):
        train, test = folds != fold, folds == fold
        scaler = StandardScaler().fit(x[train])
        model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000).fit(scaler.transform(x[train]), y[train])
        out_of_fold[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
    seconds = time.perf_counter() - start

    figures = {
        "students": int(len(y)),
        "features": len(features),
        "folds": int(len(np.unique(folds))),
        "seconds": round(seconds, 3),
        "auc": round(float(roc_auc_score(y, out_of_fold)), 5),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(f"scikit-learn: {figures['folds']}-fold LogisticRegression(lbfgs, C=1) in {seconds:.2f} s, AUC {figures['auc']:.5f}")
    print(json.dumps(figures))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

#!/usr/bin/python3
"""scikit-learn on the Areas comparison's own panel and splits: the independent figure the grouped-CV comparison is held to.

    GRADELENS_AREAS_BENCH_AREAS=10000 GRADELENS_AREAS_BENCH_CSV=/tmp/areas.csv \\
        dotnet test tests/GradeLens.Core.Tests -c Release --filter "FullyQualifiedName~The_grouped_cross_validated_comparison_is_timed"
    /usr/bin/python3 scripts/compare/areas_sklearn.py /tmp/areas.csv

The CSV (AreaCsvWriter) carries each row's grouped outer fold, its inner fold and the random 75/25 split, so both sides
score the same rows. For each score and model: 5-fold CV grouped by area (mean of the fold figures), the forward-in-time
split (train before the cut year, test from it: the first of the last 30% of the years, as the C# side), and the random
split. Models, set to match ML.NET's as far as scikit-learn allows:
  OLS            LinearRegression
  Ridge          StandardScaler + Ridge, alpha from the same grid by GridSearchCV on the inner folds (neg MSE)
  Random forest  RandomForestRegressor(100 trees, 20 leaves, 5 rows per leaf, 70% of rows and features), like FastForest
  Boosted trees  HistGradientBoostingRegressor(100 trees, 20 leaves, rate 0.2, 10 rows per leaf, no early stop), like FastTree
The time covers fitting and scoring, not reading the CSV. Ends with one JSON line. Needs Debian's python3-sklearn and
python3-pandas.
"""
import json
import math
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GridSearchCV, PredefinedSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ALPHAS = [0.01, 0.1, 1, 10, 100, 1000, 10000]
SEED = 7
SPLITS = {"fold", "inner_fold", "random_test"}


def model(name, inner):
    if name == "OLS":
        return LinearRegression()
    if name == "Ridge":
        return GridSearchCV(make_pipeline(StandardScaler(), Ridge()), {"ridge__alpha": ALPHAS},
                            scoring="neg_mean_squared_error", cv=PredefinedSplit(inner), refit=True)
    if name == "Random forest":
        return RandomForestRegressor(n_estimators=100, max_leaf_nodes=20, min_samples_leaf=5, max_features=0.7,
                                     max_samples=0.7, n_jobs=2, random_state=SEED)
    return HistGradientBoostingRegressor(max_iter=100, max_leaf_nodes=20, learning_rate=0.2, min_samples_leaf=10,
                                         early_stopping=False, random_state=SEED)


def score(name, x, y, inner, train, test):
    fitted = model(name, inner[train]).fit(x[train], y[train])
    predicted = fitted.predict(x[test])
    return (r2_score(y[test], predicted), math.sqrt(mean_squared_error(y[test], predicted)),
            mean_absolute_error(y[test], predicted))


def main(path):
    frame = pd.read_csv(path, dtype={"area": str, "parent": str})
    scores = [c for c in frame.columns if " grade " in c]
    measures = [c for c in frame.columns if c not in {"area", "parent", "year"} | SPLITS and c not in scores]
    years = np.sort(frame["year"].unique())
    cut = int(years[max(1, len(years) - math.ceil(0.3 * len(years)))])
    results = []
    start = time.perf_counter()
    for s in scores:
        rows = frame[measures + [s]].notna().all(axis=1).to_numpy()
        data = frame[rows]
        x, y = data[measures].to_numpy(np.float64), data[s].to_numpy(np.float64)
        fold, inner = data["fold"].to_numpy(), data["inner_fold"].to_numpy()
        year, random_test = data["year"].to_numpy(), data["random_test"].to_numpy() == 1
        for name in ["OLS", "Ridge", "Random forest", "Boosted trees"]:
            began = time.perf_counter()
            folds = [score(name, x, y, inner, fold != f, fold == f) for f in np.unique(fold)]
            grouped = [float(np.mean(v)) for v in zip(*folds)]
            forward = score(name, x, y, inner, year < cut, year >= cut)
            randomly = score(name, x, y, inner, ~random_test, random_test)
            seconds = time.perf_counter() - began
            for validation, (r2, rmse, mae) in [("GroupedByArea", grouped), ("ForwardInTime", forward), ("RandomSplit", randomly)]:
                results.append({"score": s, "model": name, "validation": validation,
                                "r2": round(r2, 4), "rmse": round(rmse, 4), "mae": round(mae, 4)})
            print(f"{s:20} {name:14} {seconds:7.2f} s  grouped R² {grouped[0]:.3f}  forward {forward[0]:.3f}  random {randomly[0]:.3f}")
    seconds = time.perf_counter() - start
    figures = {"area_years": int(len(frame)), "areas": int(frame["area"].nunique()), "measures": len(measures),
               "scores": len(scores), "cut_year": cut, "seconds": round(seconds, 2),
               "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "results": results}
    print(f"scikit-learn: 4 models x 3 validations x {len(scores)} scores on {len(frame):,} area-years in {seconds:.1f} s")
    print(json.dumps(figures))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

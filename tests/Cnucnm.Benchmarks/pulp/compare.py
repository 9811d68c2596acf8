#!/usr/bin/env python3
"""Solves explicit-mode formulation requests (one JSON per line) with PuLP + CBC, the way a Python user
would: build the model from the request's meaning, solve, read the cost. Prints the wall time of the whole
loop and writes one cost (or "infeasible") per line, for compare.sh to check against CNUCNM's answers.

    compare.py REQUESTS.jsonl COSTS.txt
"""
import json
import shutil
import sys
import time

import pulp


CBC = shutil.which("cbc")


def solve(request):
    feeds = request["feeds"]
    problem = pulp.LpProblem("ration", pulp.LpMinimize)
    x = {}
    for j, f in enumerate(feeds):
        x[f["id"]] = pulp.LpVariable(f"x{j}", lowBound=f.get("minKgDm") or 0, upBound=f.get("maxKgDm"))
    # Cost per kg DM: as-fed price per kg over the DM fraction, or the price per kg DM as given.
    def cost(f):
        if f.get("pricePerKgDm") is not None:
            return f["pricePerKgDm"]
        return f["pricePerTonneAsFed"] / 1000 / (f["dryMatterPercent"] / 100)
    problem += pulp.lpSum(cost(f) * x[f["id"]] for f in feeds)
    total = pulp.lpSum(x.values())
    dmi = request.get("dryMatterIntakeKg") or {}
    if dmi.get("min") is not None:
        problem += total >= dmi["min"]
    if dmi.get("max") is not None:
        problem += total <= dmi["max"]
    for n in request.get("nutrients") or []:
        name = n["name"]
        values = {f["id"]: f["composition"][name] for f in feeds}
        per_day = n.get("perDay") or {}
        if per_day.get("min") is not None:
            problem += pulp.lpSum(values[i] * x[i] for i in x) >= per_day["min"]
        if per_day.get("max") is not None:
            problem += pulp.lpSum(values[i] * x[i] for i in x) <= per_day["max"]
        per_kg = n.get("perKgDm") or {}
        if per_kg.get("min") is not None:
            problem += pulp.lpSum((values[i] - per_kg["min"]) * x[i] for i in x) >= 0
        if per_kg.get("max") is not None:
            problem += pulp.lpSum((values[i] - per_kg["max"]) * x[i] for i in x) <= 0
    for r in request.get("ratios") or []:
        members = set(r["feeds"])
        for key, sense in (("minShareOfDm", 1), ("maxShareOfDm", -1)):
            share = r.get(key)
            if share is not None:
                expression = pulp.lpSum(((1 if i in members else 0) - share) * x[i] for i in x)
                problem += (expression >= 0) if sense == 1 else (expression <= 0)
    # Debian's PuLP ships no bundled CBC binary: the coinor-cbc package's cbc on PATH.
    status = problem.solve(pulp.COIN_CMD(path=CBC, msg=0))
    return pulp.value(problem.objective) if pulp.LpStatus[status] == "Optimal" else None


def main():
    requests = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    costs = [solve(r) for r in requests]
    elapsed = time.perf_counter() - started
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for c in costs:
            out.write("infeasible\n" if c is None else f"{c!r}\n")
    print(f"{elapsed:.3f}")


main()

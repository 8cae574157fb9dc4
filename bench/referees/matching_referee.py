"""Referee solvers for the matching benchmark (run by bench/matching.bench.ts in its own venv).

    python matching_referee.py <instance file> <ortools|scipy> <repetitions>

Reads the arcs written by `matching-run.js export` and solves the engine's problem: the most pairs,
then the highest total score less the load-balance price (k-th extra mentee of a mentor costs
k x loadBalance); with the fairness objective, the best worst pair comes before the total.
Scores are rounded to 1e-9 as the engine does, so equal optima are equal numbers.
Solves up to <repetitions> times (once when a solve takes over 5 s).
Prints one JSON line: the median solve time (building the solver's input not counted), the
matched count, the total score, the objective and the worst pair.
"""
import json
import statistics
import sys
import time

import numpy as np

SCALE = 10**9


def read(path):
    with open(path, "rb") as f:
        header_len = int(f.read(16))
        header = json.loads(f.read(header_len))
        m, arcs = header["mentors"], header["arcs"]
        capacity = np.frombuffer(f.read(4 * m), dtype=np.int32)
        rows = np.frombuffer(f.read(4 * arcs), dtype=np.int32)
        cols = np.frombuffer(f.read(4 * arcs), dtype=np.int32)
        weights = np.frombuffer(f.read(8 * arcs), dtype=np.float64)
    return header, capacity, rows, cols, weights


def summary(header, capacity, rows, cols, weights, chosen):
    """Matched count, total score, objective and worst pair of the chosen arcs (indices), checked."""
    assert len(np.unique(rows[chosen])) == len(chosen), "a mentee matched twice"
    load = np.bincount(cols[chosen], minlength=len(capacity))
    assert np.all(load <= capacity), "a mentor over capacity"
    total = float(weights[chosen].sum())
    objective = total - header["loadBalance"] * float((load * (load - 1) / 2).sum())
    worst = float(weights[chosen].min()) if len(chosen) else None
    return {"matched": int(len(chosen)), "total": total, "objective": objective, "worst": worst}


def solve_ortools(header, capacity, rows, cols, weights, keep):
    from ortools.graph.python import min_cost_flow

    n, m = header["mentees"], header["mentors"]
    r, c, w = rows[keep], cols[keep], weights[keep]
    source, sink = n + m, n + m + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    penalty = round(header["loadBalance"] * SCALE)
    tails = [np.full(n, source), r, ]
    heads = [np.arange(n), n + c]
    caps = [np.ones(n, dtype=np.int64), np.ones(len(r), dtype=np.int64)]
    costs = [np.zeros(n, dtype=np.int64), -np.rint(w * SCALE).astype(np.int64)]
    if penalty > 0:
        # One sink arc per place, the k-th place of a mentor priced k x penalty.
        mentor = np.repeat(np.arange(m), capacity)
        k = np.concatenate([np.arange(x) for x in capacity])
        tails.append(n + mentor)
        heads.append(np.full(len(mentor), sink))
        caps.append(np.ones(len(mentor), dtype=np.int64))
        costs.append(k.astype(np.int64) * penalty)
    else:
        tails.append(n + np.arange(m))
        heads.append(np.full(m, sink))
        caps.append(capacity.astype(np.int64))
        costs.append(np.zeros(m, dtype=np.int64))
    first_pair = n
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails), np.concatenate(heads), np.concatenate(caps), np.concatenate(costs)
    )
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    start = time.perf_counter()
    status = flow.solve_max_flow_with_min_cost()
    elapsed = time.perf_counter() - start
    assert status == flow.OPTIMAL, status
    used = np.array([flow.flow(a) for a in range(first_pair, first_pair + len(r))])
    return np.flatnonzero(keep)[used > 0], elapsed


def solve_scipy(header, capacity, rows, cols, weights, keep):
    from scipy.optimize import linear_sum_assignment

    n = header["mentees"]
    r, c, w = rows[keep], cols[keep], weights[keep]
    penalty = round(header["loadBalance"] * SCALE)
    # Capacity-expanded: one column per place; the k-th place of a mentor costs k x penalty more.
    first = np.concatenate([[0], np.cumsum(capacity)])
    places = int(first[-1])
    scaled = -np.rint(w * SCALE)
    # Any real pair must beat every set of fewer pairs: forbidden cells cost 0, real ones -big + cost.
    big = (float(np.abs(scaled).max(initial=0)) + penalty * float(capacity.max(initial=0)) + 1) * (min(n, places) + 1)
    matrix = np.zeros((n, places))
    for k in range(int(capacity.max(initial=0))):
        has = capacity[c] > k
        matrix[r[has], first[c[has]] + k] = scaled[has] + k * penalty - big
    start = time.perf_counter()
    row_ind, col_ind = linear_sum_assignment(matrix)
    elapsed = time.perf_counter() - start
    real = matrix[row_ind, col_ind] < 0
    mentor_of_place = np.repeat(np.arange(len(capacity)), capacity)
    arc_of = np.full((n, len(capacity)), -1, dtype=np.int64)
    arc_of[r, c] = np.flatnonzero(keep)
    return arc_of[row_ind[real], mentor_of_place[col_ind[real]]], elapsed


def max_cardinality(header, capacity, rows, cols, keep, tool):
    """Largest matching on the kept arcs (for the fairness objective's threshold search)."""
    n, m = header["mentees"], header["mentors"]
    r, c = rows[keep], cols[keep]
    if tool == "ortools":
        from ortools.graph.python import max_flow

        flow = max_flow.SimpleMaxFlow()
        source, sink = n + m, n + m + 1
        flow.add_arcs_with_capacity(
            np.concatenate([np.full(n, source), r, n + np.arange(m)]),
            np.concatenate([np.arange(n), n + c, np.full(m, sink)]),
            np.concatenate([np.ones(n + len(r), dtype=np.int64), capacity.astype(np.int64)]),
        )
        assert flow.solve(source, sink) == flow.OPTIMAL
        return flow.optimal_flow()
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    first = np.concatenate([[0], np.cumsum(capacity)])
    reps = capacity[c]
    er = np.repeat(r, reps)
    ec = np.repeat(first[c], reps) + np.concatenate([np.arange(x) for x in reps]) if len(reps) else reps
    graph = csr_matrix((np.ones(len(er)), (er, ec)), shape=(n, int(first[-1])))
    return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())


def solve(header, capacity, rows, cols, weights, tool):
    """Returns the chosen arcs and the time spent solving (the fairness search included)."""
    keep = np.ones(len(rows), dtype=bool)
    spent = 0.0
    if header["objective"] == "fairness" and len(rows) > 0:
        levels = np.unique(weights)
        start = time.perf_counter()
        full = max_cardinality(header, capacity, rows, cols, keep, tool)
        lo, hi = 0, len(levels) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if max_cardinality(header, capacity, rows, cols, weights >= levels[mid], tool) == full:
                lo = mid
            else:
                hi = mid - 1
        spent += time.perf_counter() - start
        keep = weights >= levels[lo]
    chosen, elapsed = (solve_ortools if tool == "ortools" else solve_scipy)(header, capacity, rows, cols, weights, keep)
    return chosen, spent + elapsed


def main():
    path, tool, repetitions = sys.argv[1], sys.argv[2], int(sys.argv[3])
    header, capacity, rows, cols, weights = read(path)
    # The engine's rounding: equal optima give equal totals.
    weights = np.rint(weights * SCALE) / SCALE
    times = []
    result = None
    for _ in range(repetitions):
        chosen, elapsed = solve(header, capacity, rows, cols, weights, tool)
        times.append(elapsed * 1000)
        result = summary(header, capacity, rows, cols, weights, chosen)
        if elapsed > 5:
            break  # one run of a slow solve is enough to compare
    print(json.dumps({"tool": tool, "ms": statistics.median(times), "runs": times, **result}))


if __name__ == "__main__":
    main()

"""Independent numpy peer of the child-level EHCP caseload Markov model.

This is a check written independently of the Swift implementation, from a
plain-language description of the model only. It serves as a speed and
sanity peer in the benchmark: it should give the same distribution of
projected caseload totals (not the same random numbers) as the Swift code.

Input is a directory holding the witan.send demo files transitions.csv,
population.csv and valid-states.csv.

Model
-----
A state is (setting, need, NCY). Rates are fitted on all transition years:

* leave_s ~ Beta(k p_a + l, k (1 - p_a) + n - l) and
  move_s ~ Beta(k q_a + m, k (1 - q_a) + n - l - m), with n children, l leavers
  and m movers (change of setting) observed in from-state s, p_a and q_a the
  pooled rates for the state's NCY a (all-NCY rates where an NCY has no data)
  and k = 2;
* destination weights of s ~ Dirichlet(c_s(d) + k pi_a(d)) over the settings d
  that s may move to with (d, need, NCY + 1) allowed, pi_a the pooled share of
  movers from NCY a going to d (no pooled term where NCY a has no movers; a
  zero alpha is a zero weight);
* join_a ~ Beta(1 + J_a, 1 + max(0, P_a - J_a)), J_a joiners arriving in NCY a,
  P_a the population of NCY a summed over the transition years;
* joiner-state weights for NCY a ~ Dirichlet(c_a(state) + k pi(setting, need))
  over the allowed states of NCY a, pi the share of all joiners by
  (setting, need).

Each simulation draws every rate once and keeps it for all projected years.
Each year per state: leavers ~ Binomial, movers ~ Binomial of the rest (all of
the rest when the next NCY of the same setting is not allowed), movers spread
~ Multinomial over destinations (they age out when there is none), stayers
move up one NCY; joiners arriving in January t+1 ~ Poisson(population(t, a)
x join_a) (the year before they join, as the rates are fitted), the population
held at its last year beyond the file, spread
~ Multinomial over joiner states. The projection starts from the closing stock
of the last transition year. Simulations are vectorised with numpy across
(simulation, occupied state) pairs, in batches; per-state rates are drawn the
first time a state is occupied in a simulation and then kept.

Run from the package root:

    python3 Tests/Peers/child_model_numpy.py DIR [--simulations 1000] [--seed 1] [--years 5]
"""

import argparse
import csv
import os
import resource
import sys
import time

import numpy as np

KAPPA = 2.0
NONSEND = "NONSEND"


# ----------------------------------------------------------------------------
# Reading and fitting
# ----------------------------------------------------------------------------

def read_rows(path):
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, [row for row in reader if row]


def split_list(text):
    return [item.strip() for item in text.split(",") if item.strip()]


class Model:
    """Fitted posterior parameters, as flat numpy arrays over states."""


def fit(directory):
    # --- valid states -------------------------------------------------------
    header, rows = read_rows(os.path.join(directory, "valid-states.csv"))
    col = {name: i for i, name in enumerate(header)}
    settings = []          # in file order
    ranges = {}
    needs_of = {}
    moves_to = {}
    for row in rows:
        setting = row[col["setting"]]
        settings.append(setting)
        ranges[setting] = (int(row[col["min-academic-year"]]), int(row[col["max-academic-year"]]))
        needs_of[setting] = split_list(row[col["needs"]])
        moves_to[setting] = split_list(row[col["setting->setting"]])
    setting_index = {s: i for i, s in enumerate(settings)}

    def allowed(setting, need, ncy):
        r = ranges.get(setting)
        return r is not None and r[0] <= ncy <= r[1] and need in needs_of[setting]

    states = []
    for setting in settings:
        lo, hi = ranges[setting]
        for need in needs_of[setting]:
            for ncy in range(lo, hi + 1):
                states.append((setting, need, ncy))

    # --- transitions --------------------------------------------------------
    header, rows = read_rows(os.path.join(directory, "transitions.csv"))
    col = {name: i for i, name in enumerate(header)}
    c_year, c_s1, c_n1, c_a1 = (col[k] for k in ("calendar-year", "setting-1", "need-1", "academic-year-1"))
    c_s2, c_n2, c_a2 = (col[k] for k in ("setting-2", "need-2", "academic-year-2"))
    transitions = [(int(r[c_year]), r[c_s1], r[c_n1], int(r[c_a1]), r[c_s2], r[c_n2], int(r[c_a2])) for r in rows]

    # States seen in the data but not listed as allowed still get a slot, so
    # that a start stock in such a state is carried (it cannot be entered).
    state_set = set(states)
    for year, s1, n1, a1, s2, n2, a2 in transitions:
        for st in ((s1, n1, a1), (s2, n2, a2)):
            if st[0] != NONSEND and st not in state_set:
                if st[0] not in setting_index:
                    setting_index[st[0]] = len(settings)
                    settings.append(st[0])
                    moves_to.setdefault(st[0], [])
                states.append(st)
                state_set.add(st)
    index = {st: i for i, st in enumerate(states)}
    n_states = len(states)
    n_settings = len(settings)
    state_ncy = np.array([st[2] for st in states])

    years = sorted({t[0] for t in transitions})
    last_year = years[-1]

    n = np.zeros(n_states)
    lv = np.zeros(n_states)
    mv = np.zeros(n_states)
    dest_counts = np.zeros((n_states, n_settings))
    join_counts = {}       # to-state -> count
    join_sn = {}           # (setting, need) -> count
    stock = np.zeros(n_states, dtype=np.int64)
    for year, s1, n1, a1, s2, n2, a2 in transitions:
        if s1 == NONSEND:
            if s2 != NONSEND:
                join_counts[(s2, n2, a2)] = join_counts.get((s2, n2, a2), 0) + 1
                join_sn[(s2, n2)] = join_sn.get((s2, n2), 0) + 1
        else:
            i = index[(s1, n1, a1)]
            n[i] += 1
            if s2 == NONSEND:
                lv[i] += 1
            elif s2 != s1:
                mv[i] += 1
                dest_counts[i, setting_index[s2]] += 1
        if year == last_year and s2 != NONSEND:
            stock[index[(s2, n2, a2)]] += 1

    # --- pooled rates by NCY --------------------------------------------------
    ncy_min, ncy_max = int(state_ncy.min()), int(state_ncy.max())
    ncys = np.arange(ncy_min, ncy_max + 1)
    pos = state_ncy - ncy_min
    n_a = np.bincount(pos, n, len(ncys))
    l_a = np.bincount(pos, lv, len(ncys))
    m_a = np.bincount(pos, mv, len(ncys))
    c_a = np.zeros((len(ncys), n_settings))
    np.add.at(c_a, pos, dest_counts)
    p_all = lv.sum() / n.sum()
    q_all = mv.sum() / (n - lv).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        p_a = np.where(n_a > 0, l_a / n_a, p_all)
        q_a = np.where(n_a - l_a > 0, m_a / (n_a - l_a), q_all)
        pi_a = np.where(m_a[:, None] > 0, c_a / m_a[:, None], 0.0)

    model = Model()
    model.states = states
    model.stock = stock
    model.last_year = last_year
    model.leave_a = KAPPA * p_a[pos] + lv
    model.leave_b = KAPPA * (1 - p_a[pos]) + n - lv
    model.move_a = KAPPA * q_a[pos] + mv
    model.move_b = KAPPA * (1 - q_a[pos]) + n - lv - mv

    # --- continuation and destinations ----------------------------------------
    cont = np.full(n_states, -1)
    dests = []
    for i, (setting, need, ncy) in enumerate(states):
        nxt = (setting, need, ncy + 1)
        if allowed(*nxt):
            cont[i] = index[nxt]
        row = []
        for d in moves_to.get(setting, []):
            if d != setting and allowed(d, need, ncy + 1):
                di = setting_index[d]
                alpha = dest_counts[i, di] + KAPPA * pi_a[pos[i], di]
                if alpha > 0:
                    row.append((index[(d, need, ncy + 1)], alpha))
        # largest expected weight first: the multinomial sampler stops early
        dests.append(sorted(row, key=lambda x: -x[1]))
    width = max(1, max(len(r) for r in dests))
    dest_state = np.zeros((n_states, width), dtype=np.int64)
    dest_alpha = np.zeros((n_states, width))
    for i, row in enumerate(dests):
        for k, (j, alpha) in enumerate(row):
            dest_state[i, k] = j
            dest_alpha[i, k] = alpha
    model.cont = cont
    model.dest_state = dest_state
    model.dest_alpha = dest_alpha

    # --- joiners --------------------------------------------------------------
    header, rows = read_rows(os.path.join(directory, "population.csv"))
    col = {name: i for i, name in enumerate(header)}
    population = {}
    for r in rows:
        population[(int(r[col["calendar-year"]]), int(r[col["academic-year"]]))] = float(r[col["population"]])
    pop_years = sorted({y for y, _ in population})
    model.population = population
    model.pop_last_year = pop_years[-1]

    total_joiners = sum(join_sn.values())
    join_ncys, join_a, join_b, join_rows = [], [], [], []
    for a in ncys:
        a = int(a)
        row = []
        for st in states:
            if st[2] == a and allowed(*st):
                alpha = join_counts.get(st, 0) + KAPPA * join_sn.get(st[:2], 0) / total_joiners
                if alpha > 0:
                    row.append((index[st], alpha))
        if not row:
            continue
        j = sum(v for st, v in join_counts.items() if st[2] == a)
        exposure = sum(population.get((y, a), 0.0) for y in years)
        join_ncys.append(a)
        join_a.append(1 + j)
        join_b.append(1 + max(0.0, exposure - j))
        join_rows.append(sorted(row, key=lambda x: -x[1]))
    jwidth = max(len(r) for r in join_rows)
    join_state = np.full((len(join_rows), jwidth), -1, dtype=np.int64)
    join_alpha = np.zeros((len(join_rows), jwidth))
    for a, row in enumerate(join_rows):
        for k, (j, alpha) in enumerate(row):
            join_state[a, k] = j
            join_alpha[a, k] = alpha
    model.join_ncys = np.array(join_ncys)
    model.join_a = np.array(join_a, dtype=float)
    model.join_b = np.array(join_b, dtype=float)
    model.join_state = join_state
    model.join_alpha = join_alpha
    return model


def population_row(model, year):
    year = min(year, model.pop_last_year)
    return np.array([model.population.get((year, int(a)), 0.0) for a in model.join_ncys])


# ----------------------------------------------------------------------------
# Simulation
# ----------------------------------------------------------------------------

def beta(rng, a, b):
    """Beta draws via gammas; a zero shape gives a point mass at 0 or 1."""
    x = rng.gamma(a)
    y = rng.gamma(b)
    total = x + y
    return np.divide(x, total, out=np.zeros(total.shape), where=total > 0)


class LazyRates:
    """Per-(simulation, state) draws made on first use and then kept.

    Every simulation draws each state's rates once from the posterior and
    keeps them for all years. Drawing them when a state is first occupied in a
    simulation gives the same distribution as drawing them all up front, but
    skips the many (simulation, state) pairs that are never occupied.
    """

    def __init__(self, batch, n_states):
        self.leave = np.full((batch, n_states), np.nan)
        self.move = np.full((batch, n_states), np.nan)
        self.slot = np.full((batch, n_states), -1, dtype=np.int64)
        self.weights = None          # rows of normalised destination weights
        self.used = 0

    def rates(self, rng, model, b, s):
        leave = self.leave[b, s]
        move = self.move[b, s]
        new = np.isnan(leave)
        if new.any():
            ns = s[new]
            leave[new] = beta(rng, model.leave_a[ns], model.leave_b[ns])
            move[new] = beta(rng, model.move_a[ns], model.move_b[ns])
            self.leave[b[new], ns] = leave[new]
            self.move[b[new], ns] = move[new]
        return leave, move

    def destinations(self, rng, model, b, s):
        """Row index into self.weights for each pair; negative when s has no
        destination with a positive weight in that simulation."""
        slot = self.slot[b, s]
        new = slot < 0
        if new.any():
            # a pair can occur only once per call (pairs come from nonzero())
            g = rng.gamma(model.dest_alpha[s[new]])
            total = g.sum(axis=1)
            ok = total > 0
            g[ok] /= total[ok, None]
            rows = self.used + np.arange(len(g))
            rows[~ok] = -2               # drawn, but no destination
            self.weights = g if self.weights is None else np.concatenate([self.weights, g])
            self.used += len(g)
            slot[new] = rows
            self.slot[b[new], s[new]] = rows
        return slot


def simulate_batch(model, rng, batch, years, pop_rows):
    n_states = len(model.states)
    lazy = LazyRates(batch, n_states)
    join_rate = rng.beta(model.join_a, model.join_b, size=(batch, len(model.join_a)))
    join_w = rng.gamma(model.join_alpha, size=(batch,) + model.join_alpha.shape)
    join_w /= join_w.sum(axis=2, keepdims=True)
    jvalid = (model.join_state >= 0).ravel()
    jstate = model.join_state.ravel()[jvalid]
    cont = model.cont

    counts = np.broadcast_to(model.stock, (batch, n_states)).copy()
    totals = np.empty((batch, years + 1), dtype=np.int64)
    totals[:, 0] = counts.sum(axis=1)
    aged_out = np.zeros(batch, dtype=np.int64)
    size = batch * n_states
    for t in range(years):
        # work only on occupied (simulation, state) pairs
        b, s = np.nonzero(counts)
        k = counts[b, s]
        leave, move = lazy.rates(rng, model, b, s)
        remaining = k - rng.binomial(k, leave)
        has_cont = cont[s] >= 0
        movers = np.where(has_cont, rng.binomial(remaining, move), remaining)
        stayers = remaining - movers

        flat = b * n_states
        new = np.bincount((flat + cont[s])[has_cont], weights=stayers[has_cont], minlength=size)

        m = movers > 0
        bm, sm, nm = b[m], s[m], movers[m]
        slot = lazy.destinations(rng, model, bm, sm)
        stuck = slot < 0
        aged_out += np.bincount(bm[stuck], weights=nm[stuck], minlength=batch).astype(np.int64)
        go = ~stuck
        if go.any():
            spread = rng.multinomial(nm[go], lazy.weights[slot[go]])
            target = (bm[go] * n_states)[:, None] + model.dest_state[sm[go]]
            new += np.bincount(target.ravel(), weights=spread.ravel(), minlength=size)

        counts = new.astype(np.int64).reshape(batch, n_states)
        n_join = rng.poisson(pop_rows[t] * join_rate)
        spread = rng.multinomial(n_join, join_w).reshape(batch, -1)
        counts[:, jstate] += spread[:, jvalid]
        totals[:, t + 1] = counts.sum(axis=1)
    return totals, aged_out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--simulations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100,
                        help="simulations vectorised together (bounds memory)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    model = fit(args.directory)
    fitted = time.perf_counter()

    rng = np.random.default_rng(args.seed)
    first = model.last_year + 1
    # The population of the year before joining, as the join rates were fitted.
    pop_rows = [population_row(model, first + t) for t in range(args.years)]
    totals, aged = [], []
    done = 0
    while done < args.simulations:
        batch = min(args.batch, args.simulations - done)
        t, a = simulate_batch(model, rng, batch, args.years, pop_rows)
        totals.append(t)
        aged.append(a)
        done += batch
    totals = np.concatenate(totals)
    aged = np.concatenate(aged)
    finished = time.perf_counter()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":
        peak_mb /= 1024
    print(f"numpy peer: child model, {args.simulations:,} simulations, {args.years} years: "
          f"{finished - start:.2f} s (fit {fitted - start:.2f} s, simulate {finished - fitted:.2f} s), "
          f"peak memory {peak_mb:.0f} MB")
    for t in range(args.years + 1):
        lo, hi = np.percentile(totals[:, t], [2.5, 97.5])
        print(f"{first + t} mean {totals[:, t].mean():.1f} 95% {lo:.0f}-{hi:.0f}")
    print(f"aged out {aged.mean():.1f} per simulation")


if __name__ == "__main__":
    main()

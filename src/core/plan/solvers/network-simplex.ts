/**
 * solveMinCostFlow: the primal network simplex for a minimum-cost flow problem
 *
 *   min Σ_a cost_a · f_a   subject to   Σ_{a out of u} f_a − Σ_{a into u} f_a = supply_u   (every node u)
 *                                       0 ≤ f_a ≤ capacity_a                                  (every arc a)
 *
 * with Σ_u supply_u = 0. The planner's LPs are such problems whenever every column links at most
 * two balance rows (network-form.ts): a time-expanded network of shipments, stock carried and
 * backlog carried. The network simplex keeps a spanning-tree basis and pivots on arcs instead
 * of factorising a matrix, so it solves them an order of magnitude faster than a general LP code.
 *
 * The algorithm follows LEMON's NetworkSimplex (Király & Kovács, "Efficient implementations of
 * minimum-cost flow algorithms", 2012): an artificial root joined to every node by an artificial
 * arc with a big-M cost gives a first feasible tree; the tree is stored as parent / thread /
 * reverse thread / subtree size / last successor arrays; the entering arc comes from block
 * search (blocks of √arcs, arcs stored in a mixed order); the leaving arc keeps the tree strongly
 * feasible (ties broken towards the join node on the second side), which rules out cycling on
 * degenerate pivots. Node potentials π are the dual: for every arc, cost + π_source − π_target is
 * ≥ 0 at its lower bound, ≤ 0 at its capacity and 0 in the tree.
 *
 * Floating point: reduced costs are compared with a tolerance relative to the largest cost, and
 * the final flows and potentials are recomputed from the tree (no drift from long pivot runs).
 */

export interface FlowProblem {
  readonly nodes: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Upper bound per arc (≥ 0; Infinity = none). */
  readonly capacity: Float64Array;
  readonly cost: Float64Array;
  /** Net supply per node (> 0 source, < 0 sink); sums to 0. */
  readonly supply: Float64Array;
}

export type FlowStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time-limit' | 'interrupted';

export interface FlowSolution {
  readonly status: FlowStatus;
  /** Flow per arc (optimal only). */
  readonly flow?: Float64Array;
  /** Node potentials π (optimal only): reduced cost of arc a = cost_a + π_source − π_target. */
  readonly potential?: Float64Array;
  readonly pivots: number;
}

export interface FlowLimits {
  /** Checked every few hundred pivots. */
  readonly shouldStop?: () => 'time-limit' | 'interrupted' | undefined;
}

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;
/** Pivots between two looks at the clock and the cancel flag. */
const CHECK_EVERY = 512;

export function solveMinCostFlow(p: FlowProblem, limits: FlowLimits = {}): FlowSolution {
  const n = p.nodes;
  const m = p.source.length;
  if (n === 0) return { status: 'optimal', flow: new Float64Array(m), potential: new Float64Array(0), pivots: 0 };
  const all = m + n;
  const root = n;
  const source = new Int32Array(all);
  const target = new Int32Array(all);
  const cap = new Float64Array(all);
  const cost = new Float64Array(all);
  const flow = new Float64Array(all);
  const state = new Int8Array(all);
  const pi = new Float64Array(n + 1);
  const parent = new Int32Array(n + 1);
  const pred = new Int32Array(n + 1);
  const predDir = new Int8Array(n + 1);
  const thread = new Int32Array(n + 1);
  const revThread = new Int32Array(n + 1);
  const succNum = new Int32Array(n + 1);
  const lastSucc = new Int32Array(n + 1);
  const dirty = new Int32Array(n + 1);

  // Arcs in a mixed order (LEMON's arc mixing): consecutive blocks of the search then span the
  // whole network instead of one corner of it. order[i] = the caller's arc stored at i.
  const order = new Int32Array(m);
  const skip = Math.max(3, Math.floor(m / n));
  for (let k = 0, i = 0, j = 0; k < m; k++) {
    order[i] = k;
    if ((i += skip) >= m) i = ++j;
  }
  let maxCost = 0;
  for (let i = 0; i < m; i++) {
    const a = order[i];
    source[i] = p.source[a];
    target[i] = p.target[a];
    cap[i] = p.capacity[a];
    cost[i] = p.cost[a];
    state[i] = STATE_LOWER;
    maxCost = Math.max(maxCost, Math.abs(cost[i]));
  }
  // Any path of real arcs costs less than an artificial arc.
  const artCost = (maxCost + 1) * (n + 1);
  const eps = 1e-9 * Math.max(1, maxCost);

  parent[root] = -1;
  pred[root] = -1;
  thread[root] = 0;
  revThread[0] = root;
  succNum[root] = n + 1;
  lastSucc[root] = root - 1;
  pi[root] = 0;
  for (let u = 0, e = m; u < n; u++, e++) {
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    succNum[u] = 1;
    lastSucc[u] = u;
    cap[e] = Infinity;
    state[e] = STATE_TREE;
    const b = p.supply[u];
    if (b >= 0) {
      predDir[u] = DIR_UP;
      pi[u] = 0;
      source[e] = u;
      target[e] = root;
      flow[e] = b;
      cost[e] = 0;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = artCost;
      source[e] = root;
      target[e] = u;
      flow[e] = -b;
      cost[e] = artCost;
    }
  }

  // Block search for the entering arc: the most negative reduced cost within a block of arcs.
  const blockSize = Math.max(10, Math.floor(Math.sqrt(m)));
  let nextArc = 0;
  let inArc = -1;
  const findEnteringArc = (): boolean => {
    let min = -eps;
    let cnt = blockSize;
    let found = -1;
    let e = nextArc;
    for (let seen = 0; seen < m; seen++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) { min = c; found = e; }
      e = e + 1 === m ? 0 : e + 1;
      if (--cnt === 0) {
        if (found >= 0) break;
        cnt = blockSize;
      }
    }
    if (found < 0) return false;
    inArc = found;
    nextArc = e;
    return true;
  };

  let join = 0;
  let uIn = 0;
  let vIn = 0;
  let uOut = 0;
  let delta = 0;

  const findJoinNode = () => {
    let u = source[inArc];
    let v = target[inArc];
    while (u !== v) {
      if (succNum[u] < succNum[v]) u = parent[u];
      else v = parent[v];
    }
    join = u;
  };

  /** The arc leaving the tree; false when the entering arc goes from one bound to the other. */
  const findLeavingArc = (): boolean => {
    let first: number;
    let second: number;
    if (state[inArc] === STATE_LOWER) { first = source[inArc]; second = target[inArc]; } else { first = target[inArc]; second = source[inArc]; }
    delta = cap[inArc];
    let result = 0;
    for (let u = first; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = predDir[u] === DIR_DOWN ? cap[e] - flow[e] : flow[e];
      if (d < delta) { delta = d; uOut = u; result = 1; }
    }
    for (let u = second; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = predDir[u] === DIR_UP ? cap[e] - flow[e] : flow[e];
      if (d <= delta) { delta = d; uOut = u; result = 2; }
    }
    if (result === 1) { uIn = first; vIn = second; } else { uIn = second; vIn = first; }
    return result !== 0;
  };

  const changeFlow = (change: boolean) => {
    if (delta > 0) {
      const val = state[inArc] * delta;
      flow[inArc] += val;
      for (let u = source[inArc]; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
      for (let u = target[inArc]; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
    }
    if (change) {
      state[inArc] = STATE_TREE;
      const out = pred[uOut];
      // The leaving arc sits exactly at the bound it reached (no rounding residue).
      const atUpper = cap[out] - flow[out] < flow[out];
      flow[out] = atUpper ? cap[out] : 0;
      state[out] = atUpper ? STATE_UPPER : STATE_LOWER;
    } else {
      flow[inArc] = state[inArc] === STATE_LOWER ? cap[inArc] : 0;
      state[inArc] = -state[inArc] as -1 | 1;
    }
  };

  const updateTreeStructure = () => {
    const oldRevThread = revThread[uOut];
    const oldSuccNum = succNum[uOut];
    const oldLastSucc = lastSucc[uOut];
    const vOut = parent[uOut];

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc];
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn];
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // When oldRevThread is vIn, join and vOut coincide.
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc] : thread[vIn];
      // Re-hang the stem (the nodes from uIn up to uOut) below vIn, reversing it.
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn];
      let after = thread[last];
      thread[vIn] = uIn;
      let dirtyCount = 0;
      dirty[dirtyCount++] = vIn;
      while (stem !== uOut) {
        const nextStem = parent[stem];
        thread[last] = nextStem;
        dirty[dirtyCount++] = last;
        const before = revThread[stem];
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
        after = thread[last];
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (let i = 0; i < dirtyCount; i++) {
        const u = dirty[i];
        revThread[thread[u]] = u;
      }
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut];
      for (let u = uOut, par = parent[u]; u !== uIn; u = par, par = parent[u]) {
        pred[u] = pred[par];
        predDir[u] = -predDir[par] as -1 | 1;
        tmpSc += succNum[u] - succNum[par];
        succNum[u] = tmpSc;
        lastSucc[par] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut];
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = oldRevThread;
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = lastSuccOut;
    }
    for (let u = vIn; u !== join; u = parent[u]) succNum[u] += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= oldSuccNum;
  };

  /** The subtree that moved gets potentials that make its new tree arc's reduced cost 0. */
  const updatePotential = () => {
    const sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
    const end = thread[lastSucc[uIn]];
    for (let u = uIn; u !== end; u = thread[u]) pi[u] += sigma;
  };

  let pivots = 0;
  while (findEnteringArc()) {
    findJoinNode();
    const change = findLeavingArc();
    if (delta === Infinity) return { status: 'unbounded', pivots };
    changeFlow(change);
    if (change) {
      updateTreeStructure();
      updatePotential();
    }
    if (++pivots % CHECK_EVERY === 0) {
      const stop = limits.shouldStop?.();
      if (stop) return { status: stop, pivots };
    }
  }

  recomputeFromTree(n, m, p.supply, source, target, cap, cost, flow, state, pi, parent, pred, predDir, thread, revThread);
  // Flow left on an artificial arc is supply no real path could take.
  let artificial = 0;
  let scale = 1;
  for (let u = 0; u < n; u++) scale = Math.max(scale, Math.abs(p.supply[u]));
  for (let e = m; e < all; e++) artificial += Math.abs(flow[e]);
  if (artificial > 1e-9 * scale) return { status: 'infeasible', pivots };

  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[order[i]] = flow[i];
  return { status: 'optimal', flow: out, potential: pi.slice(0, n), pivots };
}

/**
 * Exact flows and potentials of the final tree: non-tree arcs sit at a bound; a tree arc carries
 * what the subtree below it needs (leaves first, in reverse thread order); potentials follow the
 * thread down from the root, each tree arc with reduced cost 0.
 */
function recomputeFromTree(
  n: number, m: number, supply: Float64Array, source: Int32Array, target: Int32Array, cap: Float64Array, cost: Float64Array,
  flow: Float64Array, state: Int8Array, pi: Float64Array, parent: Int32Array, pred: Int32Array, predDir: Int8Array,
  thread: Int32Array, revThread: Int32Array,
): void {
  const root = n;
  const net = new Float64Array(n + 1);
  for (let u = 0; u < n; u++) net[u] = supply[u];
  const all = m + n;
  for (let e = 0; e < all; e++) {
    if (state[e] === STATE_TREE) continue;
    const f = state[e] === STATE_UPPER ? cap[e] : 0;
    flow[e] = f;
    if (f !== 0) { net[source[e]] -= f; net[target[e]] += f; }
  }
  // Reverse thread order visits every node after all of its descendants.
  for (let u = revThread[root]; u !== root; u = revThread[u]) {
    const e = pred[u];
    // Up arc (u → parent) carries what u's subtree must send; a down arc what it must receive.
    flow[e] = predDir[u] === DIR_UP ? net[u] : -net[u];
    net[parent[u]] += net[u];
  }
  pi[root] = 0;
  for (let u = thread[root]; u !== root; u = thread[u]) {
    const e = pred[u];
    // Tree arc: cost + π_source − π_target = 0.
    pi[u] = predDir[u] === DIR_UP ? pi[parent[u]] - cost[e] : pi[parent[u]] + cost[e];
  }
  void target;
}

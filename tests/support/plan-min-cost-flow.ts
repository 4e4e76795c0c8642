/**
 * An independent min-cost flow (successive shortest paths, Bellman–Ford) for the planner's
 * validation tests: small static networks are solved here without any LP solver, so the
 * planner's optimum is checked against a different algorithm.
 */
export interface FlowArc {
  readonly from: string;
  readonly to: string;
  readonly capacity: number;
  readonly cost: number;
}

/**
 * Cheapest way to send `amount` from `source` to `sink`; Infinity when it cannot all be sent.
 * Arcs are directed; capacities Infinity allowed; costs ≥ 0 (no negative cycles).
 */
export function minCostFlow(arcs: readonly FlowArc[], source: string, sink: string, amount: number): number {
  const nodes = [...new Set(arcs.flatMap((a) => [a.from, a.to]).concat([source, sink]))];
  const id = new Map(nodes.map((n, i) => [n, i]));
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = nodes.map(() => []);
  for (const a of arcs) {
    const u = id.get(a.from) as number;
    const v = id.get(a.to) as number;
    adj[u].push(to.length); to.push(v); cap.push(a.capacity); cost.push(a.cost);
    adj[v].push(to.length); to.push(u); cap.push(0); cost.push(-a.cost);
  }
  const s = id.get(source) as number;
  const t = id.get(sink) as number;
  let sent = 0;
  let total = 0;
  while (sent < amount) {
    const dist = nodes.map(() => Infinity);
    const via = nodes.map(() => -1);
    dist[s] = 0;
    for (let round = 0; round < nodes.length; round++) {
      let changed = false;
      for (let u = 0; u < nodes.length; u++) {
        if (dist[u] === Infinity) continue;
        for (const e of adj[u]) {
          if (cap[e] > 1e-12 && dist[u] + cost[e] < dist[to[e]] - 1e-12) {
            dist[to[e]] = dist[u] + cost[e];
            via[to[e]] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[t] === Infinity) return Infinity;
    let push = amount - sent;
    for (let v = t; v !== s; v = to[via[v] ^ 1]) push = Math.min(push, cap[via[v]]);
    for (let v = t; v !== s; v = to[via[v] ^ 1]) { cap[via[v]] -= push; cap[via[v] ^ 1] += push; }
    sent += push;
    total += push * dist[t];
  }
  return total;
}

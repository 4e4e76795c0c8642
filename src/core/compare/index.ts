/** Comparing what-if scenarios: fingerprints, the KPI catalogue, deltas, scenario diffs, lane flows. */
export * from './fingerprint';
export * from './kpi-values';
export * from './kpi-catalogue';
export * from './deltas';
export * from './comparison-table';
export * from './comparison-csv';
export * from './scenario-diff';
export * from './lane-flows';

/**
 * The planner's public surface: what the CLI, the plan worker and the app import.
 *
 *   solvePlan(scenario, options)           check → build → solve → read → explain, one call
 *   buildPlanModel(scenario, options)      the solver-neutral model (to export or solve later)
 *   solvePlanModel(planModel, options)     solve a built model
 *   writeLp / writeMps                     export for external solvers
 *   importPlanSolution(planModel, text)    read an external solver's solution back and check it
 *   importPlanResult(scenario, text)       the same, as a PlanResult the app shows (or why not)
 *   packPlanResult / unpackPlanResult      a result as transferable typed arrays (worker → page)
 */
export { solvePlan, solvePlanModel, type PlanModelContext } from './solve-plan';
export { buildPlanModel, buildPlanModelFromNetwork, type BuildOptions, type PlanModel } from './build';
export { buildPlanNetwork, type PlanNetwork } from './network';
export { checkPlanInput } from './check';
export type { DemandMode } from './build-context';
export * from './options';
export type * from './result';
export {
  COLUMN_FAMILIES, ROW_FAMILIES, COST_KINDS, isMip, integerCount, nonzeroCount,
  type LinearModel, type ColumnFamily, type RowFamily, type CostKind,
} from './model';
export { writeLp } from './export-lp';
export { writeMps } from './export-mps';
export { parseSolutionText, importPlanSolution, type ImportedSolution, type ParsedSolution } from './import-solution';
export { checkSolution, type SolutionCheck, type Violation } from './solution-check';
export { importPlanResult, MAX_SOLUTION_CHARS, type ImportFailure, type ImportPlanOptions, type ImportPlanOutcome } from './import-plan';
export { packPlanResult, unpackPlanResult, packedTransferables, type PackedPlanResult } from './packed-result';
export { readPlan, costBreakdown, type PlanReading } from './read-solution';
export { chooseSolverName, isNetworkLp, loadSolver, type SolverChoice } from './solvers/choose';
export { SOLVER_LABELS, type Solver, type SolverName, type SolveOutcome, type SolveRequest, type SolverLoadOptions, type CancelSignal, type MipProgress } from './solvers/solver';
export { describeColumn, describeRow } from './describe';

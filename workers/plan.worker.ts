/**
 * The plan worker: the planner and the simulator behind comlink (plumbing in plan-worker-api).
 * HiGHS's loader must be told where Vite put highs.wasm; glpk.js finds glpk.wasm by itself.
 */
import * as Comlink from 'comlink';
import highsWasm from 'highs/runtime?url';
import { createPlanWorkerApi } from '../src/app/plan/plan-worker-api';

Comlink.expose(createPlanWorkerApi({ highs: { locateFile: () => highsWasm } }));

/** The simulation worker: the core engine behind comlink (all plumbing in simulate-worker-api). */
import * as Comlink from 'comlink';
import { createSimulateApi } from '../src/app/sim/simulate-worker-api';

Comlink.expose(createSimulateApi());

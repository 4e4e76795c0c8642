// Worker-thread entry of the simulation benchmark: registers tsx, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./sim-thread.ts');

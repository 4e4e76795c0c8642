/**
 * A stand-in for a Web Worker in Node: the "worker" is a Comlink endpoint on a MessageChannel in
 * this thread. `crash` fires the error event a dying worker would; `terminated` records terminate().
 */
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import type { WorkerLike } from '../../src/app/workers/worker-bridge';

export interface FakeWorkerState {
  terminated: boolean;
  crash(message: string): void;
}

export function fakeWorkerFactory(makeApi: () => object): { create: () => WorkerLike; made: FakeWorkerState[] } {
  const made: FakeWorkerState[] = [];
  const create = (): WorkerLike => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(makeApi(), port2 as unknown as Comlink.Endpoint);
    const errorFns = new Set<(e: Event) => void>();
    const state: FakeWorkerState = { terminated: false, crash: (message) => errorFns.forEach((fn) => fn({ message } as unknown as Event)) };
    made.push(state);
    return {
      postMessage: (m, t) => port1.postMessage(m, t as never),
      addEventListener: (type, fn) => { if (type === 'message') port1.addEventListener('message', fn as never); else errorFns.add(fn); },
      removeEventListener: (type, fn) => { if (type === 'message') port1.removeEventListener('message', fn as never); else errorFns.delete(fn); },
      terminate: () => { state.terminated = true; port1.close(); port2.close(); },
      ...({ start: () => port1.start() } as object),
    };
  };
  return { create, made };
}

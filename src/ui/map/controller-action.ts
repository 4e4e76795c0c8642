/**
 * Turns a framework-free controller (`createX(node, params) → { update, destroy }`) into a Svelte
 * action, so a component attaches it with `use:x={params}` and the controller lives exactly as
 * long as the element. `ref` hands the controller to the component for imperative calls.
 */
import type { ActionReturn } from 'svelte/action';

export interface Controller<P> {
  update(params: P): void;
  destroy(): void;
}

export type WithRef<P, C> = P & { readonly ref?: (controller: C | null) => void };

export function controllerAction<E extends Element, P, C extends Controller<P>>(
  create: (node: E, params: P) => C,
): (node: E, initial: WithRef<P, C>) => ActionReturn<WithRef<P, C>> {
  return (node, initial) => {
    let params = initial;
    const controller = create(node, params);
    params.ref?.(controller);
    return {
      update(next: WithRef<P, C>) {
        params = next;
        controller.update(next);
      },
      destroy() {
        params.ref?.(null);
        controller.destroy();
      },
    };
  };
}

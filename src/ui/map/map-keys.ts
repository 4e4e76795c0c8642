/**
 * Keyboard map navigation, for when the map has focus: +/− zoom about the view's centre, arrows
 * pan, 0 fits the network. Pure so the bindings are tested without a browser.
 */
export type KeyAction =
  | { readonly type: 'zoom'; readonly factor: number }
  | { readonly type: 'pan'; readonly dx: number; readonly dy: number }
  | { readonly type: 'fit' };

/** One key press zooms by this factor (two presses ≈ ×2). */
export const KEY_ZOOM_FACTOR = Math.SQRT2;
/** One arrow press moves the view this many screen px. */
export const KEY_PAN_STEP = 80;

/**
 * The action of a `KeyboardEvent.key`, or null for keys the map leaves alone (Tab must keep
 * moving focus). Arrows move the *view*: → shows what lies east, so the content shifts left.
 */
export function keyAction(key: string): KeyAction | null {
  switch (key) {
    case '+':
    case '=':
      return { type: 'zoom', factor: KEY_ZOOM_FACTOR };
    case '-':
    case '_':
      return { type: 'zoom', factor: 1 / KEY_ZOOM_FACTOR };
    case 'ArrowLeft':
      return { type: 'pan', dx: KEY_PAN_STEP, dy: 0 };
    case 'ArrowRight':
      return { type: 'pan', dx: -KEY_PAN_STEP, dy: 0 };
    case 'ArrowUp':
      return { type: 'pan', dx: 0, dy: KEY_PAN_STEP };
    case 'ArrowDown':
      return { type: 'pan', dx: 0, dy: -KEY_PAN_STEP };
    case '0':
      return { type: 'fit' };
    default:
      return null;
  }
}

/**
 * Column and row names that every LP/MPS reader accepts. Scenario ids may hold `-` and `:`, which
 * the CPLEX LP format reserves (minus, row label); they are mapped one-to-one to `~` and `|`, so
 * distinct ids stay distinct and a name reads like the maths: `ship(plant~a,espresso,12)`.
 */
export function lpToken(id: string): string {
  return id.replace(/-/g, '~').replace(/:/g, '|');
}

/** `family(label)` or `family(label,period)`, where label is tokens already joined by commas. */
export function lpName(family: string, label: string, period?: number): string {
  return period === undefined ? `${family}(${label})` : `${family}(${label},${period})`;
}

/**
 * Column and row names that every LP/MPS reader accepts. Scenario ids may hold `-` and `:`, which
 * the CPLEX LP format reserves (minus, row label); they are mapped one-to-one to `~` and `|`, so
 * distinct ids stay distinct and a name reads like the maths: `ship(plant~a,espresso,12)`.
 */
export function lpToken(id: string): string {
  return id.replace(/-/g, '~').replace(/:/g, '|');
}

/** `family(a,b,c)` from ids already turned into tokens and period numbers. */
export function lpName(family: string, ...parts: readonly (string | number)[]): string {
  return `${family}(${parts.join(',')})`;
}

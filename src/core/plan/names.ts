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

/**
 * The stem of a per-period name: `lpStem(family, label)` + period gives `lpName(family, label,
 * period)` (see stemName). The model builder keeps stems and makes names only when they are read.
 */
export function lpStem(family: string, label: string): string {
  return `${family}(${label}`;
}

/** The name of a stem (lpStem) in a period; period < 0: the stem is the whole name. */
export function stemName(stem: string, period: number): string {
  return period < 0 ? stem : `${stem},${period})`;
}

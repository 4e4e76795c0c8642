/** How commands print problems: issue lines on stdout (the result), warnings on stderr (advice). */
import { formatIssue, type ModelIssue } from '../core/model/issue';
import type { CliIo } from './io';

export function printIssues(io: CliIo, issues: readonly ModelIssue[]): void {
  // One line per problem: a multi-line message would break `grep`/`wc -l` over the output.
  for (const issue of issues) io.stdout(`${formatIssue(issue).replace(/\r?\n|\r/g, ' ')}\n`);
}

export function printWarnings(io: CliIo, warnings: readonly ModelIssue[]): void {
  for (const w of warnings) io.stderr(`warning: ${formatIssue(w).replace(/\r?\n|\r/g, ' ')}\n`);
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

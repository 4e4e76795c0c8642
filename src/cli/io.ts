/**
 * Where a command writes. Commands never touch process.stdout directly, so tests run them
 * in-process and read what they printed; the entry point passes the real streams.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const nodeIo: CliIo = {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
};

/** Exit codes: 0 success, 1 invalid input or a file problem, 2 wrong usage. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A wrong command line: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** An expected failure (missing file, refused overwrite): printed as "error: …" without a stack, exit 1. */
export class CliError extends Error {}

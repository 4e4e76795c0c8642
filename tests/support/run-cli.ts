/** Runs the CLI in-process and captures what it prints. */
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';

export async function runCliCaptured(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Entry point of `npm run chainlab -- …` and bin/chainlab.mjs: real argv and streams in, exit code out. */
import { nodeIo } from './io';
import { runCli } from './run';

// `chainlab schema | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// exitCode (not process.exit) lets piped output drain before Node exits.
process.exitCode = await runCli(process.argv.slice(2), nodeIo);

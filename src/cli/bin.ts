#!/usr/bin/env node
import { runCli } from './main.js';

const ctx = {
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  quiet: process.argv.includes('--quiet') || process.argv.includes('-q'),
  debug: process.argv.includes('--debug'),
};

// Writing to a closed pipe (`bitext segment x | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

runCli(ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`bitext: internal error: ${String(err)}\n`);
    process.exitCode = 3;
  },
);

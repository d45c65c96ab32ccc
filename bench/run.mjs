// `npm run bench`: runs every bench/*.bench.mjs in name order (each prints its own figures) or only those named:
//   npm run bench -- align formats
// Figures, not pass/fail: tests assert behaviour, benchmarks measure it.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.mjs', '')}`);
  // Each benchmark in its own process so that peak memory figures are its own.
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;

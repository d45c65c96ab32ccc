// The built app: `bitext review` imports dist/tui/app.js, one file bundled at build time (src/tui/bundle.mjs) with Ink
// and React, and runs `bitext check` for the findings panel in a worker thread (dist/tui/check-worker.js). Checked on
// the built files in a plain Node process, as the CLI loads them (run after `npm run build`, as `npm test` does).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { serializeAlignmentJsonl } from '../../src/formats/index.js';
import { smallAlignment } from './fixture.js';

const DIST = path.join(ROOT, 'dist');
const APP = path.join(DIST, 'tui/app.js');

function node(script: string, cwd: string): unknown {
  const file = path.join(cwd, 'probe.mjs');
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the bundled app', () => {
  it('is one file that imports only Node built-ins and the project modules tsc wrote to dist/', () => {
    expect(existsSync(APP)).toBe(true);
    const code = readFileSync(APP, 'utf8');
    // Static imports head the file; dynamic ones are import() of a string literal.
    const specifiers: string[] = [];
    let rest = code.replace(/^\/\/.*\n/, '');
    for (let m; (m = /^import(?:[^"'`;]*?from)?\s*(["'])([^"']+)\1;?\s*/.exec(rest)); rest = rest.slice(m[0].length)) specifiers.push(m[2]);
    expect(specifiers).toContain('../errors.js');
    for (const m of code.matchAll(/\bimport\((["'`])([^"'`]+)\1\)/g)) specifiers.push(m[2]);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) {
      if (s.startsWith('node:')) continue;
      expect(s, `import of ${s}`).toMatch(/^\.\.?\//);
      expect(existsSync(path.resolve(path.dirname(APP), s)), `${s} exists next to the bundle`).toBe(true);
      // Modules of the app itself are inside the bundle, not imported a second time.
      expect(path.resolve(path.dirname(APP), s).startsWith(path.join(DIST, 'tui') + path.sep), s).toBe(false);
    }
    // React's production build: NODE_ENV was replaced at build time.
    expect(code).not.toContain('process.env.NODE_ENV');
  });

  it('loads, throws the CLI\'s own BitextError, and runs the checks in a worker with the same findings', () => {
    const dir = tempDir('bitext-bundle-');
    writeFileSync(path.join(dir, 'doc.jsonl'), serializeAlignmentJsonl(smallAlignment()));
    const url = (p: string) => JSON.stringify(new URL(`file://${path.join(DIST, p)}`).href);
    const out = node(
      `const app = await import(${url('tui/app.js')});
const { BitextError } = await import(${url('errors.js')});
const commands = await import(${url('tui/commands.js')});
let error;
try { await app.openReviewSession(${JSON.stringify(path.join(dir, 'missing.jsonl'))}); } catch (e) { error = e; }
const session = await app.openReviewSession(${JSON.stringify(path.join(dir, 'doc.jsonl'))}, { noJournal: true });
const inWorker = await app.runChecksOn(['doc.jsonl'], ${JSON.stringify(dir)});
const here = await commands.runChecksHere(['doc.jsonl'], ${JSON.stringify(dir)});
console.log(JSON.stringify({
  exports: ['runReview', 'runHome', 'ReviewApp'].filter((k) => typeof app[k] === 'function'),
  sameError: error instanceof BitextError, code: error?.code, links: session.links.length,
  inWorker, here,
}));`,
      dir,
    ) as { exports: string[]; sameError: boolean; code: string; links: number; inWorker: unknown; here: { findings: unknown[] } };
    expect(out.exports).toEqual(['runReview', 'runHome', 'ReviewApp']);
    expect(out.sameError).toBe(true);
    expect(out.code).toBe('FILE_NOT_FOUND');
    expect(out.links).toBe(8);
    expect(out.here.findings.length).toBeGreaterThan(0);
    expect(out.inWorker).toEqual(out.here);
  }, 60000);
});

import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { VERSION } from '../src/version.js';

const BIN = new URL('../src/cli/bitext.mjs', import.meta.url).pathname;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bitext CLI shell', () => {
  it('prints the version that package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });

  it('lists every command in --help, and prints help without a TTY when run bare', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['segment', 'align', 'convert', 'terms', 'check', 'review']) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    const bare = run([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Usage: bitext <command>');
  });

  it('rejects an unknown command with exit 2 and one line on stderr', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('[USAGE]');
  });
});

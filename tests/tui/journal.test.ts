// The crash journal's "is another review still running?" test must not mistake a killed writer for a live one.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writerAlive } from '../../src/tui/journal.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('writerAlive', () => {
  it('is false for our own pid and for a process that is gone', () => {
    expect(writerAlive({ pid: process.pid } as never)).toBe(false);
    expect(writerAlive({ pid: 2 ** 22 + 12345 } as never)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('treats a killed but unreaped writer (zombie) as gone', async () => {
    // The writer's parent never reaps it (sh execs `sleep`), as a review killed under a non-reaping init stays a zombie.
    const parent = spawn('sh', ['-c', `"${process.execPath}" -e "setInterval(() => {}, 1000)" & echo $!; exec sleep 30`], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = await new Promise<number>((resolve) => parent.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
    try {
      await sleep(200);
      expect(writerAlive({ pid } as never)).toBe(true);
      process.kill(pid, 'SIGKILL');
      let state = '';
      for (let i = 0; i < 100 && state !== 'Z'; i++) {
        await sleep(20);
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      }
      expect(state).toBe('Z');
      expect(writerAlive({ pid } as never)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});

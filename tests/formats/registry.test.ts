// Bounded-memory bookkeeping used by the streaming readers.
import { describe, expect, it } from 'vitest';
import { DiagnosticLog, IdRegistry } from '../../src/formats/registry.js';

describe('IdRegistry', { timeout: 30_000 }, () => {
  it('remembers numbered and other ids with their lines, without confusing L1 and L01', () => {
    const r = new IdRegistry();
    r.set('L1', 2);
    r.set('en.0', 3);
    r.set('L100000', 4);
    r.set('custom-id', 5);
    r.set('L01', 6);
    r.set('L99999999999', 7);
    expect([r.get('L1'), r.get('en.0'), r.get('L100000'), r.get('custom-id'), r.get('L01'), r.get('L99999999999')]).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.has('L2')).toBe(false);
    expect(r.has('en.1')).toBe(false);
    expect(r.has('zh.0')).toBe(false);
    expect(r.size).toBe(6);
    r.add('L1');
    expect(r.size).toBe(6);
  });
  it('grows to a million ids', () => {
    const r = new IdRegistry();
    for (let i = 0; i < 1_000_000; i++) r.set(`L${i}`, i + 1);
    expect(r.get('L999999')).toBe(1_000_000);
    expect(r.get('L1000000')).toBeUndefined();
  });
});

describe('IdRegistry.claim', () => {
  it('registers a new id once and reports the line of a repeated one, prefixes interleaved', () => {
    const r = new IdRegistry();
    const ids = ['l1', 'x.1', 'l01', 'l2', '0', '00', 'l1234567890', 'l234567890', 'abc', 'l2'];
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      expect(r.claim(id, i + 1)).toBe(seen.get(id));
      if (!seen.has(id)) seen.set(id, i + 1);
    });
    for (const [id, line] of seen) expect(r.get(id)).toBe(line);
    expect(r.size).toBe(seen.size);
  });
});

describe('DiagnosticLog', () => {
  it('keeps the first diagnostics of each code and summarises the rest', () => {
    const log = new DiagnosticLog(2);
    for (let i = 0; i < 5; i++) log.push({ code: 'A', message: `a${i}`, severity: 'warning' });
    log.push({ code: 'B', message: 'b', severity: 'info' });
    const out = log.finish();
    expect(out.map((d) => d.message)).toEqual(['a0', 'a1', 'b', '… and 3 more like "a2"']);
    expect(log.finish()).toEqual(out);
  });
});

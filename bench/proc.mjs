// CPU time per thread from Linux's /proc, for the benchmarks (the worker threads' CPU is in process.cpuUsage(), the
// main thread's share is not).
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/…/stat (USER_HZ on Linux). */
export const TICKS_PER_SECOND = 100;

/**
 * One thread's name and CPU ticks (user + system, fields 14–15 of /proc/PID/task/TID/stat); `tid` defaults to the main
 * thread, `pid` to this process. undefined when /proc cannot be read (not Linux, or the thread is gone).
 */
export function threadStat(tid = process.pid, pid = 'self') {
  try {
    const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(rest[11]) + Number(rest[12]), name: f.slice(f.indexOf('(') + 1, f.lastIndexOf(')')) };
  } catch {
    return undefined;
  }
}

/** CPU seconds of this process's main thread so far; NaN where /proc cannot be read. */
export function mainThreadCpu() {
  const s = threadStat();
  return s ? s.ticks / TICKS_PER_SECOND : NaN;
}

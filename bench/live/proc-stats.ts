import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

export interface ProcSample {
  /** User + system CPU time so far, ms. */
  readonly cpuMs: number;
  /** Resident set size now, bytes. */
  readonly rss: number;
  /** Peak resident set size so far (VmHWM), bytes. */
  readonly peakRss: number;
}

/** CPU time and memory of another process, read from /proc (Linux): honest figures for a child. */
export function sampleProcess(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { cpuMs: ((utime + stime) * 1000) / TICKS, rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  } catch {
    // The process has exited: there is nothing left to sample.
    return null;
  }
}

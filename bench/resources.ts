/**
 * What a benchmark costs besides time: a folder's size on disk, and the peak
 * resident memory of a child process (the embedded Neo4j's JVM), read from
 * /proc. Linux only; elsewhere the peak is unknown (undefined).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes of every file under `dir`, by apparent size (what a copy of the store would take). */
export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** Peak resident set (VmHWM) of this process's child running `command` (e.g. `java`), in bytes. */
export function childPeakRssBytes(command: string): number | undefined {
  const pids = existsSync('/proc') ? readdirSync('/proc').filter((name) => /^\d+$/.test(name)) : [];
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command sits in parentheses and may hold spaces: fields after it are split from its ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm !== command || ppid !== process.pid) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return hwm ? Number(hwm[1]) * 1024 : undefined;
    } catch {
      // The process went between listing and reading.
    }
  }
  return undefined;
}

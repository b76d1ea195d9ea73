// CPU time of a process tree from /proc, grouped by what each process is: a benchmark on a machine
// whose cores the client and the servers share can then say where a request's CPU went, not only
// how long it took. Linux only (utime + stime of /proc/PID/stat, in clock ticks).
import fs from 'node:fs/promises';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  readonly comm: string;
  readonly cpuMs: number;
}

async function readStat(pid: number): Promise<ProcStat | undefined> {
  try {
    const text = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces: the fields after it start at the last ')'.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return { pid, ppid: Number(fields[1]), comm, cpuMs: (utime + stime) * TICK_MS };
  } catch {
    return undefined; // gone meanwhile
  }
}

async function commandLine(pid: number): Promise<string> {
  return fs.readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (text) => text.replaceAll('\0', ' '),
    () => '',
  );
}

/**
 * CPU milliseconds used so far by `root` and every process under it, summed per label. `label`
 * names a process from its comm and command line (undefined: counted as its comm).
 */
export async function treeCpuMs(
  root: number,
  label: (comm: string, cmdline: string) => string | undefined,
): Promise<Map<string, number>> {
  const pids = (await fs.readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = (await Promise.all(pids.map(readStat))).filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = stats.find((s) => s.pid === root);
  const totals = new Map<string, number>();
  for (const queue = rootStat ? [rootStat] : []; queue.length > 0;) {
    const s = queue.pop()!;
    const name = label(s.comm, await commandLine(s.pid)) ?? s.comm;
    totals.set(name, (totals.get(name) ?? 0) + s.cpuMs);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return totals;
}

/** What each label used between two readings of the same tree (a process gone meanwhile is lost). */
export function cpuSpent(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([name, ms]) => [name, ms - (before.get(name) ?? 0)]));
}

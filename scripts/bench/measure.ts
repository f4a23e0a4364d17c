// Runs a command for the build benchmark and measures it: wall time, peak memory of its whole
// process tree (sampled from /proc), CPU time, and how busy the rest of the machine was.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';

/** Interval between two samples of the process tree's memory. */
const SAMPLE_INTERVAL_MS = 100;

const GNU_TIME = '/usr/bin/time';

/** Load averages over 1, 5 and 15 minutes, from /proc/loadavg. */
export type LoadAverage = [number, number, number];

export interface RunResult {
  command: string;
  exitCode: number | null;
  /** True when the command ran past its time limit and was stopped. */
  timedOut: boolean;
  /** Epoch milliseconds when the command was started. */
  startTime: number;
  wallSeconds: number;
  /** Largest sum of the resident set sizes of the process and all its descendants. */
  peakTreeRssBytes: number;
  /** Resident set size of each command at the moment of {@link peakTreeRssBytes}. */
  peakRssBytesByCommand: Record<string, number>;
  /** Largest resident set size of a single process of the tree, from GNU time. */
  maxProcessRssBytes?: number;
  /**
   * User plus system CPU time of every process of the tree, by command name, as last sampled
   * from /proc. A process that lived less than one sampling interval may be missing.
   */
  cpuSecondsByCommand: Record<string, number>;
  /** Sum of {@link cpuSecondsByCommand}. */
  cpuSeconds: number;
  /**
   * CPU time that the rest of the machine used during the run, divided by the wall time: the
   * number of cores that other processes kept busy on average.
   */
  otherBusyCores: number;
  loadBefore: LoadAverage;
  loadAfter: LoadAverage;
  /** File with the command's standard output and error. */
  log: string;
}

export function readLoadAverage(): LoadAverage {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return [one ?? 0, five ?? 0, fifteen ?? 0];
}

/** Busy and total CPU time of the whole machine in clock ticks, from the first line of /proc/stat. */
function readMachineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const ticks = fields.map(Number);
  // The fields are user, nice, system, idle, iowait, irq, softirq and steal. Guest time is
  // already counted in user and nice.
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

let clockTicks: number | undefined;
let pageSize: number | undefined;

function getconf(name: string, fallback: number): number {
  const output = spawnSync('getconf', [name], { encoding: 'utf8' });
  const value = Number(output.stdout?.trim());
  return output.status === 0 && value > 0 ? value : fallback;
}

/** Lists a process and all its descendants, from the `children` files of each of its threads. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) {
    const tasks = `/proc/${tree[index]}/task`;
    let threads: string[];
    try {
      threads = readdirSync(tasks);
    } catch {
      continue; // The process has exited since it was listed.
    }
    for (const thread of threads) {
      try {
        const children = readFileSync(`${tasks}/${thread}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(' ').map(Number));
      } catch {
        // The thread has exited.
      }
    }
  }
  return tree;
}

/** Memory and CPU time of one process, from /proc/<pid>/statm and /proc/<pid>/stat. */
function readProcess(pid: number): { rssBytes: number; command: string; cpuTicks: number } {
  pageSize ??= getconf('PAGESIZE', 4096);
  const residentPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may contain spaces. The CPU times utime and stime
  // are the 14th and 15th fields, so the 12th and 13th after the closing parenthesis.
  const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  return { rssBytes: residentPages * pageSize, command, cpuTicks };
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** File that receives the command's standard output and error. */
  log: string;
  /** Time after which the command and its descendants get SIGTERM. */
  timeoutSeconds: number;
}

/**
 * Runs `command` with `args` and measures it. A sampler reads the memory and CPU time of the
 * whole process tree from /proc, including the Pagefind and esbuild binaries that a build
 * starts. GNU time, when installed, wraps the command to report its largest single process.
 */
export async function measure(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  const timeFile = `${options.log}.time`;
  rmSync(timeFile, { force: true });
  const useTime = existsSync(GNU_TIME);
  const [file, fileArgs] = useTime
    ? [GNU_TIME, ['-o', timeFile, '-f', '%M', command, ...args]]
    : [command, args];

  const loadBefore = readLoadAverage();
  const machineBefore = readMachineTicks();
  const output = openSync(options.log, 'w');
  // The system clock, as the build's timings use, not performance.timeOrigin: see recordTiming.
  const startTime = Date.now();
  const started = performance.now();
  // In a process group of its own, so that a timeout stops the whole tree.
  const child = spawn(file, fileArgs, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', output, output],
    detached: true,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }, options.timeoutSeconds * 1000);

  let peakTreeRssBytes = 0;
  let peakRssBytesByCommand: Record<string, number> = {};
  // The last CPU time seen of each process, which grows until the process exits.
  const cpuTicksByPid = new Map<number, { command: string; cpuTicks: number }>();
  const sample = () => {
    if (child.pid === undefined) return;
    let rss = 0;
    const byCommand: Record<string, number> = {};
    for (const pid of processTree(child.pid)) {
      try {
        const { rssBytes, command, cpuTicks } = readProcess(pid);
        rss += rssBytes;
        byCommand[command] = (byCommand[command] ?? 0) + rssBytes;
        cpuTicksByPid.set(pid, { command, cpuTicks });
      } catch {
        // The process has exited since it was listed.
      }
    }
    if (rss > peakTreeRssBytes) {
      peakTreeRssBytes = rss;
      peakRssBytesByCommand = byCommand;
    }
  };
  const sampler = setInterval(sample, SAMPLE_INTERVAL_MS);
  sample();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  }).finally(() => {
    clearInterval(sampler);
    clearTimeout(timer);
    closeSync(output);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const machineAfter = readMachineTicks();

  clockTicks ??= getconf('CLK_TCK', 100);
  const cpuSecondsByCommand: Record<string, number> = {};
  let cpuSeconds = 0;
  for (const { command: name, cpuTicks } of cpuTicksByPid.values()) {
    // GNU time itself is left out: it only waits.
    if (useTime && name === 'time') continue;
    cpuSecondsByCommand[name] = (cpuSecondsByCommand[name] ?? 0) + cpuTicks / clockTicks;
    cpuSeconds += cpuTicks / clockTicks;
  }
  const machineBusySeconds = (machineAfter.busy - machineBefore.busy) / clockTicks;

  const result: RunResult = {
    command: [command, ...args].join(' '),
    exitCode,
    timedOut,
    startTime,
    wallSeconds,
    peakTreeRssBytes,
    peakRssBytesByCommand,
    cpuSeconds,
    cpuSecondsByCommand,
    otherBusyCores: Math.max(0, machineBusySeconds - cpuSeconds) / wallSeconds,
    loadBefore,
    loadAfter: readLoadAverage(),
    log: options.log,
  };
  if (useTime && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the format line on failure.
    const line = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
    const maxRssKiB = Number(line.split(' ')[0]);
    if (maxRssKiB > 0) result.maxProcessRssBytes = maxRssKiB * 1024;
  }
  return result;
}

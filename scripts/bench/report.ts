// Turns the build benchmark's measurements into phases, output sizes and a Markdown report.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TimingEvent } from '../../src/lib/timings.ts';
import type { LoadAverage, RunResult } from './measure.ts';

/** A phase of a build, between two events of its timings file. */
interface PhaseDefinition {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** `start` and `end` are the moments the benchmark started the build and saw it exit. */
const PHASES: PhaseDefinition[] = [
  {
    key: 'startup',
    label: 'Node.js, Astro and config load',
    from: 'start',
    to: 'astro:config:setup',
  },
  {
    key: 'validation',
    label: 'Content validation (okr-portal integration)',
    from: 'astro:config:setup',
    to: 'validation:end',
  },
  {
    key: 'setup',
    label: 'Route discovery and integrations',
    from: 'validation:end',
    to: 'astro:config:done',
  },
  {
    key: 'contentSync',
    label: 'Vite config and content sync',
    from: 'astro:config:done',
    to: 'astro:build:start',
  },
  {
    key: 'bundling',
    label: 'Vite bundles, until the first page reads content',
    from: 'astro:build:start',
    to: 'collections:start',
  },
  {
    key: 'collections',
    label: 'Reading collections into the model',
    from: 'collections:start',
    to: 'score:start',
  },
  { key: 'scoring', label: 'Scoring (createPortal)', from: 'score:start', to: 'score:end' },
  { key: 'rendering', label: 'Page rendering', from: 'score:end', to: 'astro:build:generated' },
  {
    key: 'finishing',
    label: 'Until astro:build:done',
    from: 'astro:build:generated',
    to: 'astro:build:done',
  },
  { key: 'pagefind', label: 'Pagefind indexing', from: 'pagefind:start', to: 'pagefind:end' },
  { key: 'exit', label: 'After the last hook, until exit', from: 'last', to: 'end' },
];

/** Phases that span both builds, so that the portal compares with the baseline. */
const SPANS: PhaseDefinition[] = [
  {
    key: 'setupAndSync',
    label: 'Config setup to build start (incl. validation and content sync)',
    from: 'astro:config:setup',
    to: 'astro:build:start',
  },
  {
    key: 'bundlingAndRendering',
    label: 'Build start to pages generated (bundling and rendering)',
    from: 'astro:build:start',
    to: 'astro:build:generated',
  },
];

export interface BuildMeasurement {
  wallSeconds: number;
  cpuSeconds: number;
  cpuSecondsByCommand: Record<string, number>;
  peakTreeRssBytes: number;
  peakRssBytesByCommand: Record<string, number>;
  maxProcessRssBytes?: number;
  /** Resident set size of the build's Node.js process at each event of its timings file. */
  rssBytesByEvent: Record<string, number>;
  otherBusyCores: number;
  loadBefore: LoadAverage;
  loadAfter: LoadAverage;
  /** Seconds per phase; a phase whose events are missing is left out. */
  phases: Record<string, number>;
  output: OutputSize;
  log: string;
}

export interface OutputSize {
  totalBytes: number;
  files: number;
  htmlBytes: number;
  htmlFiles: number;
  pagefindBytes: number;
}

/** Reads the events of a timings file, in the order written. */
export function readTimings(file: string): TimingEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TimingEvent);
}

/** Derives phase durations, in seconds, from a build's timings and its start and exit. */
export function phasesOf(run: RunResult, events: TimingEvent[]): Record<string, number> {
  const times = new Map<string, number>([['start', run.startTime]]);
  for (const event of events) if (!times.has(event.event)) times.set(event.event, event.time);
  const last = events.reduce((latest, event) => Math.max(latest, event.time), run.startTime);
  times.set('last', last);
  times.set('end', run.startTime + run.wallSeconds * 1000);

  const phases: Record<string, number> = {};
  for (const phase of [...PHASES, ...SPANS]) {
    const from = times.get(phase.from);
    const to = times.get(phase.to);
    if (from !== undefined && to !== undefined) phases[phase.key] = (to - from) / 1000;
  }
  return phases;
}

/** Adds up the size of the files under a folder, by kind. */
export function outputSize(folder: string): OutputSize {
  const size: OutputSize = {
    totalBytes: 0,
    files: 0,
    htmlBytes: 0,
    htmlFiles: 0,
    pagefindBytes: 0,
  };
  const pagefind = path.join(folder, 'pagefind');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(file);
        continue;
      }
      const bytes = statSync(file).size;
      size.totalBytes += bytes;
      size.files += 1;
      if (entry.name.endsWith('.html')) {
        size.htmlBytes += bytes;
        size.htmlFiles += 1;
      }
      if (file.startsWith(`${pagefind}${path.sep}`)) size.pagefindBytes += bytes;
    }
  };
  if (existsSync(folder)) visit(folder);
  return size;
}

export function toBuildMeasurement(run: RunResult, timingsFile: string, outDir: string) {
  const events = readTimings(timingsFile);
  const measurement: BuildMeasurement = {
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    cpuSecondsByCommand: run.cpuSecondsByCommand,
    otherBusyCores: run.otherBusyCores,
    peakTreeRssBytes: run.peakTreeRssBytes,
    peakRssBytesByCommand: run.peakRssBytesByCommand,
    rssBytesByEvent: Object.fromEntries(events.map((event) => [event.event, event.rssBytes])),
    loadBefore: run.loadBefore,
    loadAfter: run.loadAfter,
    phases: phasesOf(run, events),
    output: outputSize(outDir),
    log: run.log,
  };
  if (run.maxProcessRssBytes !== undefined) measurement.maxProcessRssBytes = run.maxProcessRssBytes;
  return measurement;
}

const seconds = (value: number | undefined) =>
  value === undefined ? '–' : `${value.toFixed(1)} s`;
const mebibytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const count = (value: number) => value.toLocaleString('en-US');

/** Describes how busy the machine was around a measurement. */
export function describeLoad(run: {
  loadBefore: LoadAverage;
  loadAfter: LoadAverage;
  otherBusyCores: number;
}): string {
  const load = `${run.loadBefore[0].toFixed(1)} → ${run.loadAfter[0].toFixed(1)}`;
  return `load ${load}, others busy ${run.otherBusyCores.toFixed(1)} cores`;
}

function describeBuild(build: BuildMeasurement): string {
  const byCommand = Object.entries(build.cpuSecondsByCommand)
    .filter(([, value]) => value >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([name, value]) => `${name} ${value.toFixed(0)} s`)
    .join(', ');
  const atPeak = Object.entries(build.peakRssBytesByCommand)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${mebibytes(bytes)}`)
    .join(', ');
  return `${seconds(build.wallSeconds)} wall, ${build.cpuSeconds.toFixed(0)} s CPU (${byCommand}); peak memory ${mebibytes(build.peakTreeRssBytes)} (${atPeak})`;
}

export interface Report {
  scale: number;
  asOf: string;
  machine: Record<string, string | number>;
  content: Record<string, number | string>;
  generateSeconds: number;
  check?: {
    wallSeconds: number;
    cpuSeconds: number;
    exitCode: number | null;
    summary: string;
    loadBefore: LoadAverage;
    loadAfter: LoadAverage;
    otherBusyCores: number;
  };
  builds: { first: BuildMeasurement; second?: BuildMeasurement; baseline?: BuildMeasurement };
  ratios: Record<string, number>;
  targets: { name: string; limit: string; value: string; met: boolean }[];
}

/** Formats the report as Markdown tables. */
export function formatReport(report: Report): string {
  const { first, second, baseline } = report.builds;
  const scale = `×${report.scale}`;
  const rows: string[][] = [
    [
      'Content',
      `${count(Number(report.content.files))} files: ${count(Number(report.content.teams))} teams, ${count(Number(report.content.objectives))} objectives, ${count(Number(report.content.checkIns))} check-ins; generated in ${seconds(report.generateSeconds)}`,
      '',
    ],
  ];
  if (report.check) {
    rows.push([
      '`npm run check`',
      `${seconds(report.check.wallSeconds)} wall, ${report.check.cpuSeconds.toFixed(1)} s CPU (exit ${report.check.exitCode}; ${report.check.summary})`,
      describeLoad(report.check),
    ]);
  }
  rows.push(['Build, cold cache', describeBuild(first), describeLoad(first)]);
  if (second) rows.push(['Build, warm content cache', describeBuild(second), describeLoad(second)]);
  if (baseline)
    rows.push(['Plain Astro baseline', describeBuild(baseline), describeLoad(baseline)]);
  for (const [name, ratio] of Object.entries(report.ratios)) {
    rows.push([name, `${ratio.toFixed(2)}×`, '']);
  }
  const rssAt = (event: string, name: string) =>
    first.rssBytesByEvent[event] === undefined
      ? []
      : [`${name} ${mebibytes(first.rssBytesByEvent[event])}`];
  rows.push([
    'Build process memory, cold build',
    [
      ...rssAt('validation:end', 'after validation'),
      ...rssAt('astro:build:start', 'after content sync'),
      ...rssAt('astro:build:generated', 'after rendering'),
      ...rssAt('pagefind:end', 'after Pagefind'),
    ].join('; '),
    '',
  ]);
  rows.push([
    'Output',
    `${mebibytes(first.output.totalBytes)} in ${count(first.output.files)} files; HTML ${mebibytes(first.output.htmlBytes)} in ${count(first.output.htmlFiles)} pages; Pagefind ${mebibytes(first.output.pagefindBytes)}`,
    '',
  ]);
  if (baseline) {
    rows.push([
      'Baseline output',
      `HTML ${mebibytes(baseline.output.htmlBytes)} in ${count(baseline.output.htmlFiles)} pages`,
      '',
    ]);
  }

  const phaseRows = [...PHASES, ...SPANS]
    .filter(
      (phase) => first.phases[phase.key] !== undefined || baseline?.phases[phase.key] !== undefined,
    )
    .map((phase) => [
      phase.label,
      seconds(first.phases[phase.key]),
      ...(second ? [seconds(second.phases[phase.key])] : []),
      ...(baseline ? [seconds(baseline.phases[phase.key])] : []),
    ]);
  const phaseHeader = [
    'Phase',
    'Cold build',
    ...(second ? ['Warm build'] : []),
    ...(baseline ? ['Baseline'] : []),
  ];

  const targetRows = report.targets.map((target) => [
    target.name,
    target.limit,
    target.value,
    target.met ? 'met' : 'missed',
  ]);

  return [
    `## Build benchmark at ${scale}, as of ${report.asOf}`,
    '',
    table(['What', 'Result', 'Machine load'], rows),
    '',
    table(phaseHeader, phaseRows),
    '',
    table(['Target', 'Limit', 'Measured', 'Status'], targetRows),
    '',
  ].join('\n');
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

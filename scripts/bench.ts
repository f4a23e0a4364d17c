// Benchmarks the build on a synthetic organisation: `npm run bench [-- --scale <factor>]`.
// Generates the content under .bench/, times `npm run check` on it, builds it twice with the real
// `astro build` (cold, then with Astro's content cache from the first build), builds a plain
// Astro site with the same pages as a baseline, and reports wall time, memory, phases and output
// size as a Markdown table and as JSON in .bench/results-x<factor>.json.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBaseline } from './bench/baseline.ts';
import { generateContent } from './bench/generate.ts';
import { describeLoad, formatReport, toBuildMeasurement, type Report } from './bench/report.ts';
import { measure, readLoadAverage, type RunResult } from './bench/measure.ts';

const usage = `Usage: npm run bench -- [options]

Generates a synthetic organisation, validates and builds it, and compares the build with a plain
Astro site of the same pages. Writes everything under .bench/.

Options:
  --scale <factor>      Size of the organisation: 1 is 50 teams, about 1,200 objectives and
                        15,000 check-ins; 4 is four times the teams. Default 1.
  --as-of <YYYY-MM-DD>  Day the content is scored for; the last of its 8 quarters contains it.
                        Default 2026-12-04.
  --skip-baseline       Do not build the plain Astro baseline.
  --skip-second-build   Do not build a second time with the content cache of the first build.
  --timeout <minutes>   Stops a build or check that runs longer. Default 15.
  -h, --help            Prints this help.`;

let options;
try {
  options = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: '2026-12-04' },
      'skip-baseline': { type: 'boolean', default: false },
      'skip-second-build': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '15' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const scale = Number(options.scale);
const timeoutMinutes = Number(options.timeout);
const asOf = options['as-of'];
if (!(scale > 0) || !(timeoutMinutes > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  process.stderr.write(
    `Invalid option: --scale and --timeout must be positive numbers and --as-of a day written YYYY-MM-DD (found --scale ${options.scale}, --timeout ${options.timeout}, --as-of ${asOf}).\n`,
  );
  process.exit(2);
}

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, '.bench');
const label = `x${scale}`;
const contentDir = path.join(BENCH, `content-${label}`);
const outDir = path.join(BENCH, `dist-${label}`);
const cacheDir = path.join(BENCH, `cache-${label}`);
const baselineDir = path.join(BENCH, `baseline-${label}`);
const logDir = path.join(BENCH, 'logs');
const resultsFile = path.join(BENCH, `results-${label}.json`);
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
mkdirSync(logDir, { recursive: true });

const log = (message: string) => process.stdout.write(`${message}\n`);

function machine(): Report['machine'] {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpu ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    astro: version('astro'),
    pagefind: version('pagefind'),
  };
}

/** Stops the benchmark when a measured command failed, pointing at its log. */
function ensureSucceeded(name: string, run: RunResult): void {
  let failure: string | undefined;
  if (run.timedOut) failure = `ran longer than ${timeoutMinutes} minutes and was stopped`;
  else if (run.exitCode !== 0) failure = `failed with exit code ${run.exitCode}`;
  if (failure === undefined) return;
  process.stderr.write(
    `${name} ${failure} after ${run.wallSeconds.toFixed(0)} s; see ${run.log}\n`,
  );
  process.exit(1);
}

async function build(name: string, root: string | undefined, out: string, cache: string) {
  const timings = path.join(logDir, `${label}-${name}.timings.jsonl`);
  rmSync(timings, { force: true });
  rmSync(out, { recursive: true, force: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OKR_CONTENT_DIR: contentDir,
    OKR_AS_OF: asOf,
    OKR_OUT_DIR: out,
    OKR_CACHE_DIR: cache,
    OKR_BASE: '',
    OKR_SITE: '',
    OKR_TIMINGS: timings,
  };
  log(`Building ${name} (load ${readLoadAverage()[0].toFixed(1)})…`);
  const args = [ASTRO, 'build', ...(root ? ['--root', root] : [])];
  const run = await measure(process.execPath, args, {
    cwd: ROOT,
    env,
    log: path.join(logDir, `${label}-${name}.log`),
    timeoutSeconds: timeoutMinutes * 60,
  });
  ensureSucceeded(`The ${name} build`, run);
  const measurement = toBuildMeasurement(run, timings, out);
  log(`  ${measurement.wallSeconds.toFixed(1)} s, ${describeLoad(measurement)}`);
  return measurement;
}

log(`Generating the organisation at ×${scale} into ${path.relative(ROOT, contentDir)}…`);
const generateStarted = performance.now();
const content = generateContent(contentDir, { scale, asOf });
const generateSeconds = (performance.now() - generateStarted) / 1000;
log(
  `  ${content.files} files in ${generateSeconds.toFixed(1)} s, sha256 ${content.sha256.slice(0, 12)}`,
);

log('Timing npm run check…');
const checkRun = await measure('npm', ['run', '--silent', 'check'], {
  cwd: ROOT,
  env: { ...process.env, OKR_CONTENT_DIR: contentDir, OKR_AS_OF: asOf },
  log: path.join(logDir, `${label}-check.log`),
  timeoutSeconds: timeoutMinutes * 60,
});
ensureSucceeded('npm run check', checkRun);
const checkSummary = readFileSync(checkRun.log, 'utf8').trim().split('\n').at(-1) ?? '';
log(`  ${checkRun.wallSeconds.toFixed(1)} s: ${checkSummary}`);

rmSync(cacheDir, { recursive: true, force: true });
const first = await build('first', undefined, outDir, cacheDir);
const second = options['skip-second-build']
  ? undefined
  : await build('second', undefined, outDir, cacheDir);

let baseline;
if (!options['skip-baseline']) {
  writeBaseline(baselineDir, {
    contentDir,
    outDir: path.join(baselineDir, 'dist'),
    cacheDir: path.join(baselineDir, 'cache'),
    timingsModule: path.join(ROOT, 'src/lib/timings.ts'),
  });
  baseline = await build(
    'baseline',
    baselineDir,
    path.join(baselineDir, 'dist'),
    path.join(baselineDir, 'cache'),
  );
  if (baseline.output.htmlFiles !== first.output.htmlFiles) {
    log(
      `  NOTE: the baseline has ${baseline.output.htmlFiles} pages and the portal ${first.output.htmlFiles}.`,
    );
  }
}

const ratios: Report['ratios'] = {};
if (baseline) ratios['Cold build / baseline'] = first.wallSeconds / baseline.wallSeconds;
if (second) ratios['Warm build / cold build'] = second.wallSeconds / first.wallSeconds;
const scale1File = path.join(BENCH, 'results-x1.json');
const scale1 =
  scale !== 1 && existsSync(scale1File)
    ? (JSON.parse(readFileSync(scale1File, 'utf8')) as Report)
    : undefined;
if (scale1)
  ratios[`Cold build ×${scale} / ×1`] = first.wallSeconds / scale1.builds.first.wallSeconds;

const GB = 1e9;
const targets: Report['targets'] = [];
if (scale === 1) {
  targets.push(
    {
      name: 'Cold build at ×1',
      limit: '< 60 s',
      value: `${first.wallSeconds.toFixed(1)} s`,
      met: first.wallSeconds < 60,
    },
    {
      name: 'Peak memory at ×1',
      limit: '< 2 GB',
      value: `${(first.peakTreeRssBytes / GB).toFixed(2)} GB`,
      met: first.peakTreeRssBytes < 2 * GB,
    },
    {
      name: '`npm run check` at ×1',
      limit: '< 5 s',
      value: `${checkRun.wallSeconds.toFixed(1)} s`,
      met: checkRun.wallSeconds < 5,
    },
  );
}
if (baseline) {
  const ratio = first.wallSeconds / baseline.wallSeconds;
  targets.push({
    name: 'Cold build / baseline',
    limit: '≤ 1.3×',
    value: `${ratio.toFixed(2)}×`,
    met: ratio <= 1.3,
  });
}
if (scale1 && scale === 4) {
  const ratio = first.wallSeconds / scale1.builds.first.wallSeconds;
  targets.push({
    name: 'Cold build ×4 / ×1',
    limit: '≤ 4.4×',
    value: `${ratio.toFixed(2)}×`,
    met: ratio <= 4.4,
  });
}

const report: Report = {
  scale,
  asOf,
  machine: machine(),
  content: { ...content },
  generateSeconds,
  check: {
    wallSeconds: checkRun.wallSeconds,
    cpuSeconds: checkRun.cpuSeconds,
    exitCode: checkRun.exitCode,
    summary: checkSummary,
    loadBefore: checkRun.loadBefore,
    loadAfter: checkRun.loadAfter,
    otherBusyCores: checkRun.otherBusyCores,
  },
  builds: { first, ...(second ? { second } : {}), ...(baseline ? { baseline } : {}) },
  ratios,
  targets,
};
writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
log(`\n${formatReport(report)}`);
log(`Results: ${path.relative(ROOT, resultsFile)}; logs: ${path.relative(ROOT, logDir)}/`);

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Scratch folder for built sites and copied fixtures; git ignores it. */
export const TMP = path.join(ROOT, 'tests/.tmp');

const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Phase timings of the sample company's build, which `OKR_TIMINGS` makes it write. */
export const SAMPLE_TIMINGS = path.join(TMP, 'sample-timings.jsonl');

export interface BuildOptions {
  /** Content folder, relative to the project root or absolute. */
  contentDir: string;
  /** Name of the output folder under `tests/.tmp/`. */
  name: string;
  asOf: string;
  base?: string;
  env?: Record<string, string>;
}

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** Empties the output folder of a build and returns it with the build's environment. */
function prepare(options: BuildOptions): { outDir: string; env: NodeJS.ProcessEnv } {
  const outDir = path.join(TMP, options.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OKR_CONTENT_DIR: options.contentDir,
    OKR_AS_OF: options.asOf,
    OKR_OUT_DIR: outDir,
    OKR_CACHE_DIR: path.join(TMP, `${options.name}-cache`),
    OKR_BASE: options.base ?? '',
    ...options.env,
  };
  return { outDir, env };
}

/** Runs the real `astro build` in a child process, as `npm run build` would. */
export function buildSite(options: BuildOptions): BuildResult {
  const { outDir, env } = prepare(options);
  const result = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/** Runs `astro build` like {@link buildSite}, without blocking, so that builds can overlap. */
export function buildSiteAsync(options: BuildOptions): Promise<BuildResult> {
  const { outDir, env } = prepare(options);
  const child = spawn(process.execPath, [ASTRO, 'build'], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, outDir }));
  });
}

/** Lists the files under `dir`, recursively, as paths relative to it. */
export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const file = path.join(prefix, name);
    return statSync(path.join(dir, file)).isDirectory() ? filesUnder(dir, file) : [file];
  });
}

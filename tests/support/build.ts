import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Scratch folder for built sites and copied fixtures; git ignores it. */
export const TMP = path.join(ROOT, 'tests/.tmp');

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

/** Runs the real `astro build` in a child process, as `npm run build` would. */
export function buildSite(options: BuildOptions): BuildResult {
  const outDir = path.join(TMP, options.name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        OKR_CONTENT_DIR: options.contentDir,
        OKR_AS_OF: options.asOf,
        OKR_OUT_DIR: outDir,
        OKR_CACHE_DIR: path.join(TMP, `${options.name}-cache`),
        OKR_BASE: options.base ?? '',
        ...options.env,
      },
      timeout: 600_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

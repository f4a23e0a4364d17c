import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, filesUnder, TMP } from '../support/build.ts';

test('cached build equals fresh build', () => {
  const contentDir = path.join(TMP, 'content-cache', 'content');
  rmSync(path.dirname(contentDir), { recursive: true, force: true });
  cpSync('tests/fixtures/small', contentDir, { recursive: true });
  // An MDX entry, which Vite compiles, keeps its rendering through the cache another way.
  const objectives = path.join(contentDir, 'objectives/2026-q4/company');
  renameSync(path.join(objectives, 'grow.md'), path.join(objectives, 'grow.mdx'));
  const build = (name: string, cache: string) =>
    buildSite({
      contentDir,
      name,
      asOf: '2026-11-15',
      env: { OKR_CACHE_DIR: path.join(TMP, 'content-cache', cache) },
    });

  expect(build('content-cache-first', 'shared').status).toBe(0);
  const checkIns = path.join(contentDir, 'checkins/2026-q4');
  const edited = path.join(checkIns, '2026-11-13.md');
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}Edited after the first build.\n`);
  rmSync(path.join(checkIns, '2026-10-30.md'));
  const warm = build('content-cache-warm', 'shared');
  const cold = build('content-cache-cold', 'fresh');
  expect(warm.status).toBe(0);
  expect(cold.status).toBe(0);

  const page = (file: string) => readFileSync(path.join(warm.outDir, file), 'utf8');
  expect(page('checkins/2026-q4/2026-11-13/index.html')).toContain('Edited after the first build.');
  expect(filesUnder(warm.outDir)).not.toContain('checkins/2026-q4/2026-10-30/index.html');
  expect(page('2026-q4/company/grow/index.html')).toContain('Scored from its child objectives.');

  const files = filesUnder(cold.outDir).sort();
  expect(filesUnder(warm.outDir).sort()).toEqual(files);
  const different = files.filter(
    (file) =>
      !readFileSync(path.join(warm.outDir, file)).equals(
        readFileSync(path.join(cold.outDir, file)),
      ),
  );
  expect(different).toEqual([]);
}, 180_000);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { buildSite, filesUnder } from '../support/build.ts';

test('two builds are byte-identical', () => {
  // The shared small site was built in America/Los_Angeles with a cache of its own; this one
  // runs in the machine's time zone with a fresh cache, so neither can mask a difference.
  const first = inject('smallSite');
  const second = buildSite({
    contentDir: 'tests/fixtures/small',
    name: 'small-again',
    asOf: '2026-11-15',
    env: { TZ: 'Asia/Tokyo' },
  });
  expect(second.status).toBe(0);

  const files = filesUnder(first).sort();
  expect(files.length).toBeGreaterThan(50);
  expect(filesUnder(second.outDir).sort()).toEqual(files);
  const different = files.filter(
    (file) =>
      !readFileSync(path.join(first, file)).equals(readFileSync(path.join(second.outDir, file))),
  );
  expect(different).toEqual([]);
});

import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { ROOT, TMP } from '../support/build.ts';

describe.skipIf(!hasChromium)('retrospective PDF', () => {
  test('prints a closed period to A4 pages', () => {
    // A copy, so that the PDF does not land in the site that other tests read.
    const site = path.join(TMP, 'retrospective-pdf');
    rmSync(site, { recursive: true, force: true });
    cpSync(inject('sampleSite'), site, { recursive: true });

    const result = spawnSync(process.execPath, ['scripts/retrospective.ts', 'pdf', '2026-q3'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OKR_OUT_DIR: site },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const pdf = readFileSync(path.join(site, '2026-q3/retrospective.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every page object of the document; the retrospective fills several A4 pages.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });

  test('rejects a period without a retrospective', () => {
    const result = spawnSync(process.execPath, ['scripts/retrospective.ts', 'pdf', '2026-q4'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OKR_OUT_DIR: inject('sampleSite') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2026-q4 has no retrospective page');
  });
});

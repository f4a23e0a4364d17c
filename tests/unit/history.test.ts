import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { SMALL_FIXTURE } from '../support/fixture.ts';
import { commitAll, git } from '../support/git.ts';

// Outside the project's own work tree, so that the last test finds no git repository at all.
let REPO: string;
const OBJECTIVE = 'content/objectives/2026-q4/sales/more-customers.md';

function edit(file: string, find: string, replace: string) {
  const full = path.join(REPO, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(find, replace));
}

async function targetWarnings(): Promise<string[]> {
  const result = await loadContent(path.join(REPO, 'content'), { root: REPO, asOf: '2026-11-15' });
  return result.problems.filter((problem) => problem.rule === 'target-changed').map(formatProblem);
}

beforeEach(() => {
  REPO = mkdtempSync(path.join(os.tmpdir(), 'okr-history-'));
  git(REPO, ['init', '-q']);
  cpSync(SMALL_FIXTURE, path.join(REPO, 'content'), { recursive: true });
});

afterEach(() => rmSync(REPO, { recursive: true, force: true }));

describe('target changes in git history', () => {
  test('flags a target lowered after the period started', async () => {
    commitAll(REPO, 'Plan Q4', '2026-09-20');
    edit(OBJECTIVE, 'target: 1000', 'target: 800');
    commitAll(REPO, 'Lower the leads target', '2026-10-20');

    const warnings = await targetWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^content\/objectives\/2026-q4\/sales\/more-customers\.md:12:5  warning  keyResults\[0\]\.target changed from 1000 to 800 after the period started on 2026-10-01 \(compared with [0-9a-f]{7}\); say why in the pull request  \(target-changed\)$/,
    );
  });

  test('flags an uncommitted change too', async () => {
    commitAll(REPO, 'Plan Q4', '2026-09-20');
    edit(OBJECTIVE, 'target: 30', 'target: 40');
    expect(await targetWarnings()).toHaveLength(1);
  });

  test('accepts changes made before the period started', async () => {
    commitAll(REPO, 'Draft Q4', '2026-09-10');
    edit(OBJECTIVE, 'target: 1000', 'target: 800');
    commitAll(REPO, 'Settle Q4', '2026-09-28');
    expect(await targetWarnings()).toEqual([]);
  });

  test('compares a late objective with its first version', async () => {
    rmSync(path.join(REPO, OBJECTIVE));
    commitAll(REPO, 'Plan Q4 without sales', '2026-09-20');
    cpSync(
      path.join(SMALL_FIXTURE, 'objectives/2026-q4/sales/more-customers.md'),
      path.join(REPO, OBJECTIVE),
    );
    commitAll(REPO, 'Add the sales objective late', '2026-10-05');
    expect(await targetWarnings()).toEqual([]);

    edit(OBJECTIVE, 'target: 1000', 'target: 900');
    expect(await targetWarnings()).toHaveLength(1);
  });

  test('ignores content outside a git work tree', async () => {
    rmSync(path.join(REPO, '.git'), { recursive: true });
    edit(OBJECTIVE, 'target: 1000', 'target: 800');
    expect(await targetWarnings()).toEqual([]);
  });
});

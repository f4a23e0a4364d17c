import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/build.ts';
import { SMALL_FIXTURE } from '../support/fixture.ts';
import { commitAll, git } from '../support/git.ts';

let repo: string;

function edit(file: string, find: string | RegExp, replace: string) {
  const full = path.join(repo, 'content', file);
  const before = readFileSync(full, 'utf8');
  const after = before.replace(find, replace);
  if (after === before) throw new Error(`edit of ${file} did not match ${String(find)}`);
  writeFileSync(full, after);
}

function diff(...revisions: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/diff.ts'), ...revisions], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, OKR_AS_OF: '2026-11-15', OKR_CONTENT_DIR: '' },
  });
}

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'okr-diff-'));
  git(repo, ['init', '-q']);
  cpSync(SMALL_FIXTURE, path.join(repo, 'content'), { recursive: true });
  commitAll(repo, 'Plan Q4', '2026-09-20');
  git(repo, ['tag', 'base']);

  // Drop the launch key result, everywhere it is named.
  edit('objectives/2026-q4/sales/more-customers.md', /  - id: launch[\s\S]*?(?=---)/, '');
  edit('checkins/2026-q4/2026-11-13.md', /  - keyResult: launch[\s\S]*?(?=---)/, '');
  edit('actions/partner-push.md', 'keyResults: [launch]', 'keyResults: [cycle]');
  // Ease the sales cycle target, and report more leads.
  edit('objectives/2026-q4/sales/more-customers.md', 'target: 30', 'target: 40');
  writeFileSync(
    path.join(repo, 'content/checkins/2026-q4/2026-11-14.md'),
    '---\ndate: 2026-11-14\nauthor: sam-ortiz\nobjective: 2026-q4/sales/more-customers\nupdates:\n  - keyResult: leads\n    value: 520\n    confidence: 8\n---\n',
  );
  writeFileSync(
    path.join(repo, 'content/objectives/2026-q4/company/hire.md'),
    '---\ntitle: Hire the team\nperiod: 2026-q4\nteam: company\nowner: cleo-park\nkeyResults:\n  - id: engineers\n    title: Two engineers\n    owner: cleo-park\n    type: milestone\n  - id: designer\n    title: One designer\n    owner: cleo-park\n    type: boolean\n---\n',
  );
  commitAll(repo, 'Update Q4', '2026-11-14');
  git(repo, ['tag', 'head']);
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run diff', () => {
  test('summarises the change', () => {
    const result = diff('base', 'head');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!-- okr-portal-diff -->\n## OKR changes\n/);
    expect(result.stdout).toContain(
      '1 objective added, 1 key result removed, 1 target changed, 1 new check-in, 3 status changes. Scores as of 2026-11-15.',
    );
  });

  test('flags the changed target', () => {
    expect(diff('base', 'head').stdout).toContain(
      '| Win more customers (2026-q4, sales) | Sales cycle from 50 to 30 days | 30 days → 40 days |',
    );
  });

  test('lists added objectives and removed key results', () => {
    const { stdout } = diff('base', 'head');
    expect(stdout).toContain(
      '### Objectives added\n\n- Hire the team (2026-q4, company), 2 key results',
    );
    expect(stdout).toContain(
      '### Key results removed\n\n- Launch the partner program, in Win more customers (2026-q4, sales)',
    );
  });

  test('shows new check-ins with value and score changes', () => {
    expect(diff('base', 'head').stdout).toContain(
      '| 2026-11-14 | Win more customers | 1,000 qualified leads | 400 leads → 520 leads | 0.40 → 0.52 |',
    );
  });

  test('lists status changes', () => {
    const { stdout } = diff('base', 'head');
    // The cycle's progress goes from 5/20 to 5/10 with the new target.
    expect(stdout).toContain(
      '| Win more customers (2026-q4, sales) | Sales cycle from 50 to 30 days | At risk → On track |',
    );
    expect(stdout).toContain(
      '| Win more customers (2026-q4, sales) | (the objective) | At risk → On track |',
    );
    expect(stdout).toContain(
      '| Grow the company (2026-q4, company) | (the objective) | At risk → On track |',
    );
  });

  test('compares with the working tree without a head', () => {
    const { stdout, status } = diff('head');
    expect(status).toBe(0);
    expect(stdout).toContain('This change does not touch any objective, key result or check-in.');
  });

  test('rejects an unknown revision', () => {
    const result = diff('no-such-revision', 'head');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'git revision "no-such-revision" not found; fetch it or check its name\n',
    );
  });

  test('reports content errors in the head', () => {
    edit('checkins/2026-q4/2026-11-14.md', 'author: sam-ortiz', 'author: sam');
    try {
      const result = diff('base');
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        'The content at the working tree has 1 error, so this change cannot be compared.',
      );
      expect(result.stdout).toContain(
        'checkins/2026-q4/2026-11-14.md:3:1  error  author refers to "sam"',
      );
    } finally {
      git(repo, ['checkout', '-q', '--', '.']);
    }
  });
});

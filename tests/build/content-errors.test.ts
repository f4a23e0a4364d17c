import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../support/build.ts';
import { mutateFixture, type Edit } from '../support/fixture.ts';

const OBJECTIVE = 'objectives/2026-q4/sales/more-customers.md';

const cases: { name: string; edits: Edit[]; file: string; line: number; expected: string }[] = [
  {
    name: 'invalid-target',
    edits: [{ file: OBJECTIVE, find: 'target: 1000', replace: 'target: TBD' }],
    file: OBJECTIVE,
    line: 12,
    expected:
      'error  keyResults[0].target is a placeholder (found "TBD"); write the target, the value that scores 1.0  (placeholder)',
  },
  {
    name: 'missing-reference',
    edits: [
      { file: OBJECTIVE, find: 'owner: sam-ortiz\nparent', replace: 'owner: sam-ortz\nparent' },
    ],
    file: OBJECTIVE,
    line: 5,
    expected:
      'error  owner refers to "sam-ortz", which is not in people; did you mean "sam-ortiz"?  (reference)',
  },
  {
    name: 'missing-field',
    edits: [{ file: 'periods/2026-q4.md', find: 'end: 2026-12-31\n', replace: '' }],
    file: 'periods/2026-q4.md',
    line: 1,
    expected: 'error  end is required; add it  (schema)',
  },
];

describe('a content error fails the build', () => {
  test.each(cases)('$name', ({ name, edits, file, line, expected }) => {
    const contentDir = mutateFixture(name, edits);
    const result = buildSite({ contentDir, name: `error-${name}`, asOf: '2026-11-15' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${contentDir}/${file}:${line}:`);
    expect(result.stderr).toContain(expected);
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m);
    expect(existsSync(result.outDir)).toBe(false);
  });
});

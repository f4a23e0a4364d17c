import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateContent, type GeneratedContent } from '../../scripts/bench/generate.ts';
import { loadContent, type LoadResult } from '../../src/lib/content/load.ts';
import { ROOT, TMP } from '../support/build.ts';

const AS_OF = '2026-12-04';
// 10 teams: the company, its six areas and three teams below them.
const SCALE = 0.2;

let generated: GeneratedContent;
let result: LoadResult;

beforeAll(async () => {
  const contentDir = path.join(TMP, 'bench-content-valid');
  generated = generateContent(contentDir, { scale: SCALE, asOf: AS_OF });
  result = await loadContent(contentDir, { root: ROOT, asOf: AS_OF, history: false });
});

describe('benchmark content generator', () => {
  test('writes the same files twice', () => {
    const first = generateContent(path.join(TMP, 'bench-content-a'), { scale: SCALE, asOf: AS_OF });
    const second = generateContent(path.join(TMP, 'bench-content-b'), {
      scale: SCALE,
      asOf: AS_OF,
    });
    expect(second).toEqual(first);
    expect(first.files).toBeGreaterThan(3000);
  });

  test('writes valid content of the expected size', () => {
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
    const model = result.model!;
    expect(model.teams.length).toBe(10);
    expect(model.periods.length).toBe(8);
    expect(model.objectives.length).toBe(10 * 8 * 3);
    expect(model.objectives.every((objective) => objective.keyResults.length === 4)).toBe(true);
    expect(model.checkIns.length).toBe(generated.checkIns);
    expect(model.actions.length).toBe(generated.actions);
    expect(result.fileCount).toBe(generated.files - 1); // config.yaml is not an entry.
  });

  test('mixes key result types and directions', () => {
    const keyResults = result.model!.objectives.flatMap((objective) => objective.keyResults);
    const kinds = new Set(keyResults.map((item) => `${item.type} ${item.direction}`));
    for (const kind of [
      'metric increase',
      'metric decrease',
      'metric stay-above',
      'metric stay-below',
      'milestone increase',
      'boolean increase',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });
});

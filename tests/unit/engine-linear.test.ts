import { afterEach, describe, expect, test } from 'vitest';
import type { CheckIn, ContentModel, Objective } from '../../src/lib/model.ts';
import { addDays } from '../../src/lib/score/dates.ts';
import { scorePortfolio } from '../../src/lib/score/engine.ts';
import { checkIn, defaultConfig, keyResult, model, objective } from '../support/model.ts';

// The engine must do work linear in the size of the content. These tests count work instead of
// timing it. The count is every property read on the content model, through a Proxy, plus every
// step of an array iterator (for…of, spread, and Map or Set built from arrays), through a
// patched `next`.

const ArrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as {
  next: (this: Iterator<unknown>) => IteratorResult<unknown>;
};
const originalNext = ArrayIterator.next;
let steps = 0;

afterEach(() => {
  ArrayIterator.next = originalNext;
});

/** Wraps every object and array of `value` in a Proxy that counts property reads. */
function counted<T>(value: T, counter: { reads: number }): T {
  if (value === null || typeof value !== 'object') return value;
  const cache = new Map<object, object>();
  const wrap = (target: object): object => {
    const known = cache.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get(object, key, receiver) {
        counter.reads += 1;
        const field = Reflect.get(object, key, receiver) as unknown;
        return field !== null && typeof field === 'object' ? wrap(field) : field;
      },
    });
    cache.set(target, proxy);
    return proxy;
  };
  return wrap(value) as T;
}

/** Counts the work that `run` does on `content`: property reads plus array iterator steps. */
function countWork(content: ContentModel, run: (content: ContentModel) => unknown): number {
  const counter = { reads: 0 };
  const input = counted(content, counter);
  steps = 0;
  ArrayIterator.next = function (this: Iterator<unknown>) {
    steps += 1;
    return originalNext.call(this);
  };
  try {
    run(input);
  } finally {
    ArrayIterator.next = originalNext;
  }
  return counter.reads + steps;
}

/**
 * Builds `teams` teams with three objectives of four key results each, and a weekly check-in of
 * every objective from October to mid-November. With `wide`, every objective aligns to one
 * company objective; otherwise each aligns to the previous team's objective, a deep chain.
 */
function organisation(teams: number, wide: boolean): ContentModel {
  const company = objective({ id: '2026-q4/company/grow', team: 'company' });
  const objectives: Objective[] = [company];
  const checkIns: CheckIn[] = [];
  for (let team = 0; team < teams; team += 1) {
    for (let index = 0; index < 3; index += 1) {
      const id = `2026-q4/team-${team}/objective-${index}`;
      const parent =
        wide || team === 0 ? company.id : `2026-q4/team-${team - 1}/objective-${index}`;
      objectives.push(
        objective({
          id,
          team: `team-${team}`,
          parent,
          keyResults: ['a', 'b', 'c', 'd'].map((name) => keyResult({ id: name })),
        }),
      );
      for (let week = 0; week < 7; week += 1) {
        const updates = ['a', 'b', 'c', 'd'].map((name) => ({
          keyResult: name,
          value: week * 10,
          confidence: 7,
        }));
        checkIns.push(checkIn(id, addDays('2026-10-02', week * 7), updates));
      }
    }
  }
  // Sorted as the engine sorts them, so that sorting takes linear time and the counts show the
  // engine's own growth.
  checkIns.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return model(objectives, checkIns);
}

const score = (content: ContentModel) => scorePortfolio(content, defaultConfig, '2026-11-20');

describe('score engine work', () => {
  test.each([
    { shape: 'deep', wide: false },
    { shape: 'wide', wide: true },
  ])('grows linearly with $shape alignment', ({ wide }) => {
    const small = countWork(organisation(50, wide), score);
    const large = countWork(organisation(200, wide), score);
    expect(small).toBeGreaterThan(0);
    // Four times the content may cost at most 10% more than four times the work.
    expect(large / small).toBeLessThan(4 * 1.1);
  });

  test('counter detects quadratic work', () => {
    // Grouping children by copying the list on every child, as the engine once did.
    const groupByCopy = (content: ContentModel) => {
      const children = new Map<string, string[]>();
      for (const item of content.objectives) {
        if (item.parent) children.set(item.parent, [...(children.get(item.parent) ?? []), item.id]);
      }
      return children;
    };
    const small = countWork(organisation(50, true), groupByCopy);
    const large = countWork(organisation(200, true), groupByCopy);
    expect(large / small).toBeGreaterThan(8);
  });
});

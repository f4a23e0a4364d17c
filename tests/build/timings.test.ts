import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TimingEvent } from '../../src/lib/timings.ts';
import { SAMPLE_TIMINGS } from '../support/build.ts';

// The sample company's build writes its phase timings, as `npm run bench` reads them.
const events = readFileSync(SAMPLE_TIMINGS, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as TimingEvent);
const names = events.map((event) => event.event);

describe('build timings', () => {
  test('record the phases in order', () => {
    expect(
      names.filter((name) => !name.startsWith('collections') && !name.startsWith('score')),
    ).toEqual([
      'astro:config:setup',
      'validation:end',
      'astro:config:done',
      'astro:build:start',
      'astro:build:generated',
      'astro:build:done',
      'pagefind:start',
      'pagefind:end',
    ]);
    const times = events.map((event) => event.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('show one scoring per build', () => {
    expect(names.filter((name) => name === 'score:start')).toHaveLength(1);
    expect(names.filter((name) => name === 'score:end')).toHaveLength(1);
    expect(names.indexOf('score:start')).toBeGreaterThan(names.indexOf('astro:build:start'));
    expect(names.indexOf('score:end')).toBeLessThan(names.indexOf('astro:build:generated'));
  });

  test('count pages and files', () => {
    const detail = (name: string) => events.find((event) => event.event === name)?.detail;
    expect(detail('validation:end')?.files).toBeGreaterThan(400);
    expect(detail('pagefind:end')?.pages).toBeGreaterThan(500);
    expect(detail('astro:build:done')?.pages).toBeGreaterThanOrEqual(
      detail('pagefind:end')!.pages!,
    );
  });
});

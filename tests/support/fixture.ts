import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, TMP } from './build.ts';

export const SMALL_FIXTURE = path.join(ROOT, 'tests/fixtures/small');

/**
 * A change to a copy of the fixture: replace text in a file (`find` and `replace`), write a whole
 * file (`content`), or delete one (`remove`).
 */
export type Edit =
  | { file: string; find: string | RegExp; replace: string }
  | { file: string; content: string }
  | { file: string; remove: true };

/**
 * Copies the small fixture to `tests/.tmp/fixtures/<name>` and applies the edits, failing when a
 * `find` does not match, so that a stale edit cannot pass silently. Returns the copy's path
 * relative to the project root.
 */
export function mutateFixture(name: string, edits: Edit[]): string {
  const target = path.join(TMP, 'fixtures', name);
  rmSync(target, { recursive: true, force: true });
  cpSync(SMALL_FIXTURE, target, { recursive: true });

  for (const edit of edits) {
    const file = path.join(target, edit.file);
    if ('remove' in edit) {
      rmSync(file);
    } else if ('content' in edit) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, edit.content);
    } else {
      const before = readFileSync(file, 'utf8');
      const after = before.replace(edit.find, edit.replace);
      if (after === before)
        throw new Error(`edit of ${edit.file} did not match ${String(edit.find)}`);
      writeFileSync(file, after);
    }
  }
  return path.relative(ROOT, target).split(path.sep).join('/');
}

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { git, gitTopLevel, readBlobs } from '../git.ts';

/**
 * Writes the content folder as it is at a git revision into a new temporary folder, and returns
 * that folder. Throws an error that names the revision when git cannot resolve it.
 */
export async function checkoutContent(contentDir: string, revision: string): Promise<string> {
  const topLevel = gitTopLevel(contentDir);
  if (!topLevel) throw new Error(`${contentDir} is not inside a git work tree`);
  const commit = git(topLevel, [
    'rev-parse',
    '--verify',
    '--quiet',
    `${revision}^{commit}`,
  ])?.trim();
  if (!commit) throw new Error(`git revision "${revision}" not found; fetch it or check its name`);

  const folder = path.relative(topLevel, contentDir).split(path.sep).join('/');
  const listing = git(topLevel, [
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    commit,
    '--',
    folder || '.',
  ]);
  const files = (listing ?? '').split('\0').filter(Boolean);
  const blobs = readBlobs(
    topLevel,
    files.map((file) => `${commit}:${file}`),
  );

  const target = await mkdtemp(path.join(os.tmpdir(), 'okr-content-'));
  await Promise.all(
    files.map(async (file, index) => {
      const relative = folder ? path.posix.relative(folder, file) : file;
      const destination = path.join(target, relative);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, blobs[index] ?? '');
    }),
  );
  return target;
}

import path from 'node:path';
import { git, gitTopLevel, readBlobs } from '../git.ts';
import type { ContentModel } from '../model.ts';
import { parseSource } from './frontmatter.ts';
import type { LoadedEntry } from './load.ts';
import { formatFieldPath, type Problem } from './problem.ts';

/**
 * Warns about key result targets that differ from what they were when their period started, as
 * read from git history, so that a lowered target cannot raise a score unnoticed. The baseline is
 * the file as committed before the period's first day, or as first committed when it was added
 * later. Content outside a git work tree has no history, and gets no warning.
 */
export function checkTargetChanges(
  entries: LoadedEntry[],
  model: ContentModel,
  root: string,
): Problem[] {
  const topLevel = gitTopLevel(root);
  if (!topLevel) return [];

  const objectives = entries.filter((entry) => entry.collection === 'objectives');
  const added = addingCommits(
    topLevel,
    objectives.map((entry) => path.resolve(root, entry.file)),
  );
  const periods = new Map(model.periods.map((period) => [period.id, period]));
  const baseRevisions = new Map<string, string | undefined>();
  const requests: { entry: LoadedEntry; spec: string; since: string }[] = [];

  for (const entry of objectives) {
    const period = periods.get(entry.data.period.id);
    if (!period) continue;
    if (!baseRevisions.has(period.id)) {
      const revision = git(topLevel, [
        'rev-list',
        '-1',
        `--before=${period.start}T00:00:00Z`,
        'HEAD',
      ]);
      baseRevisions.set(period.id, revision?.trim() || undefined);
    }
    const repoPath = path
      .relative(topLevel, path.resolve(root, entry.file))
      .split(path.sep)
      .join('/');
    const base = baseRevisions.get(period.id);
    const addedIn = added.get(repoPath);
    // A file added after the period started is compared with its first committed version.
    const revision = addedIn && (!base || addedIn.date >= period.start) ? addedIn.commit : base;
    if (revision) requests.push({ entry, spec: `${revision}:${repoPath}`, since: period.start });
  }

  const blobs = readBlobs(
    topLevel,
    requests.map((request) => request.spec),
  );
  const problems: Problem[] = [];
  requests.forEach(({ entry, spec, since }, index) => {
    const before = blobs[index];
    if (before === undefined) return;
    let baseline: { id?: unknown; target?: unknown }[];
    try {
      const data = parseSource(before).data as { keyResults?: unknown };
      baseline = Array.isArray(data.keyResults) ? data.keyResults : [];
    } catch {
      return;
    }
    entry.data.keyResults.forEach(
      (keyResult: { id: string; target?: number }, position: number) => {
        const old = baseline.find((item) => item.id === keyResult.id);
        if (typeof old?.target !== 'number' || keyResult.target === undefined) return;
        if (old.target === keyResult.target) return;
        const fieldPath = ['keyResults', position, 'target'];
        problems.push({
          file: entry.file,
          ...entry.locate(fieldPath),
          severity: 'warning',
          rule: 'target-changed',
          field: formatFieldPath(fieldPath),
          message: `changed from ${String(old.target)} to ${String(keyResult.target)} after the period started on ${since} (compared with ${spec.slice(0, 7)}); say why in the pull request`,
        });
      },
    );
  });
  return problems;
}

/** Finds the commit and day that added each file, in one `git log` call. */
function addingCommits(
  topLevel: string,
  files: string[],
): Map<string, { commit: string; date: string }> {
  const result = new Map<string, { commit: string; date: string }>();
  if (files.length === 0) return result;
  const folders = [...new Set(files.map((file) => path.relative(topLevel, path.dirname(file))))];
  const output = git(topLevel, [
    'log',
    '--diff-filter=A',
    '--format=%x00%H %cs',
    '--name-only',
    '--',
    ...folders.map((folder) => folder || '.'),
  ]);
  for (const block of output?.split('\0') ?? []) {
    const [header, ...names] = block.split('\n').filter(Boolean);
    if (!header) continue;
    const [commit, date] = header.split(' ') as [string, string];
    // git log lists newer commits first, so the last one seen is the commit that added the file.
    for (const name of names) result.set(name, { commit, date });
  }
  return result;
}

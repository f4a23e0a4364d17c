import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` with a fixed identity; `date` sets both author and committer dates. */
export function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env };
  if (date) {
    env.GIT_AUTHOR_DATE = `${date}T12:00:00Z`;
    env.GIT_COMMITTER_DATE = `${date}T12:00:00Z`;
  }
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, env, encoding: 'utf8' },
  );
}

/** Stages everything in `cwd` and commits it on `date`. */
export function commitAll(cwd: string, message: string, date: string): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', message], date);
}

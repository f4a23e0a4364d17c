import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and returns its output, or undefined when git fails or is missing. */
export function git(cwd: string, args: string[], input?: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      input,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/** Returns the top folder of the git work tree that contains `cwd`, if any. */
export function gitTopLevel(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/**
 * Reads many `revision:path` blobs through one `git cat-file --batch` process. A blob that does
 * not exist reads as undefined.
 */
export function readBlobs(topLevel: string, specs: string[]): (string | undefined)[] {
  if (specs.length === 0) return [];
  let output: Buffer;
  try {
    output = execFileSync('git', ['cat-file', '--batch'], {
      cwd: topLevel,
      input: `${specs.join('\n')}\n`,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return specs.map(() => undefined);
  }

  const blobs: (string | undefined)[] = [];
  let offset = 0;
  for (let index = 0; index < specs.length; index += 1) {
    const end = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      blobs.push(undefined);
      continue;
    }
    blobs.push(output.subarray(offset, offset + Number(size)).toString('utf8'));
    offset += Number(size) + 1;
  }
  return blobs;
}

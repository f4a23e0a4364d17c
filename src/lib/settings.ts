import path from 'node:path';

/** Folder of the sample company, relative to the project root. */
export const DEFAULT_CONTENT_DIR = 'content';

/** Resolves the content folder: `OKR_CONTENT_DIR` when set, else `content/`, against `root`. */
export function resolveContentDir(root: string, override = process.env.OKR_CONTENT_DIR): string {
  return path.resolve(root, override?.trim() || DEFAULT_CONTENT_DIR);
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { configSchema, type PortalConfig } from '../../schemas/index.ts';
import { toModel, type ContentModel, type RawContent, type RawEntry } from '../model.ts';
import {
  COLLECTION_NAMES,
  ENTRY_PATTERN,
  entryIdFromPath,
  type CollectionName,
} from './collections.ts';
import { resolveAsOf } from '../as-of.ts';
import { checkConsistency } from './consistency.ts';
import { checkTargetChanges } from './history.ts';
import { checkQuality } from './quality.ts';
import {
  FrontmatterSyntaxError,
  locatorFor,
  parseYaml,
  type SourcePosition,
} from './frontmatter.ts';
import type { FileTask } from './parse-file.ts';
import { parseFiles } from './parse-pool.ts';
import { formatFieldPath, sortProblems, type Problem } from './problem.ts';
import { checkReferences, type ParsedFile } from './references.ts';
import { describeIssue } from './zod-issues.ts';

/** A parsed entry together with what is needed to report problems in its file. */
export interface LoadedEntry extends RawEntry<any> {
  collection: CollectionName;
  /** Path relative to the project root. */
  file: string;
  locate(path: readonly PropertyKey[]): SourcePosition;
}

export interface LoadResult {
  /** The content model, or undefined when any error was found. */
  model?: ContentModel;
  config: PortalConfig;
  problems: Problem[];
  /** Number of files read. */
  fileCount: number;
  /** The files' text and frontmatter, with `keepSources`, for the build's content loader. */
  sources?: ContentSource[];
}

/** A content file as read, which the build's content loader stores without reading it again. */
export interface ContentSource {
  collection: CollectionName;
  id: string;
  /** Absolute path. */
  path: string;
  text: string;
  /** The frontmatter as YAML reads it, before the schema. */
  frontmatter: Record<string, unknown>;
}

export interface LoadOptions {
  /** Folder that file paths in problems are relative to. Default: the working directory. */
  root?: string;
  /** Day the staleness check is computed for, YYYY-MM-DD. Default: today. */
  asOf?: string;
  /** Compares targets with git history. Default true. */
  history?: boolean;
  /** Threads that read the files. Default: one per CPU core, up to 4, for large content. */
  threads?: number;
  /** Returns the files' text and frontmatter as `sources`. Default false. */
  keepSources?: boolean;
}

/** Name of the settings file at the top of the content folder. */
export const CONFIG_FILE = 'config.yaml';

/**
 * Reads and validates every entry under `contentDir`: the Zod schemas first, then the rules that
 * span files. Paths in problems are relative to `root`.
 */
export async function loadContent(
  contentDir: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { root = process.cwd(), asOf = resolveAsOf(undefined), history = true } = options;
  const problems: Problem[] = [];
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const { config, problem } = await loadConfig(contentDir, relative);
  if (problem) problems.push(problem);

  const entries: LoadedEntry[] = [];
  const ids = new Map<CollectionName, Set<string>>();
  const parsedFiles: ParsedFile[] = [];
  const sources: ContentSource[] = [];
  const tasks: FileTask[] = [];
  for (const collection of COLLECTION_NAMES) {
    const folder = path.join(contentDir, collection);
    const files = (await glob(ENTRY_PATTERN, { cwd: folder, absolute: false })).sort();
    ids.set(collection, new Set(files.map(entryIdFromPath)));
    for (const name of files) {
      const file = path.join(folder, name);
      tasks.push({ collection, name, path: file, file: relative(file) });
    }

    const entryFiles = new Set(files);
    const ignored = (await glob('**/*', { cwd: folder, absolute: false })).filter(
      (name) => !entryFiles.has(name) && !path.basename(name).startsWith('.'),
    );
    for (const name of ignored) {
      problems.push({
        file: relative(path.join(folder, name)),
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'ignored-file',
        field: '',
        message:
          'is not read, because only .md and .mdx files are content; rename it or move it out',
      });
    }
  }

  // Files are read and checked one by one, on several threads for large content, and then
  // combined here in order, with the rules that need more than one file.
  const seen = new Map<string, string>();
  for (const result of await parseFiles(tasks, options.threads)) {
    const { collection, name, file } = result.task;
    if (result.fatal) {
      problems.push(result.fatal);
      continue;
    }
    if (name.endsWith('.mdx') && !isMdxAllowed(`${collection}/${name}`, config)) {
      const folders = config.mdx.allowedFolders ?? [];
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'mdx-folder',
        field: '',
        message: `is MDX, which runs as code at build time, outside the folders that config.yaml allows for it (${folders.join(', ') || 'none'}); rename it to .md, or add its folder to mdx.allowedFolders in a reviewed change`,
      });
    }
    if (result.mdx) problems.push(result.mdx);

    const twin = seen.get(`${collection}/${result.id}`);
    if (twin) {
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'duplicate-id',
        field: '',
        message: `has the same id "${result.id}" as ${twin}; keep one of the two files`,
      });
      continue;
    }
    seen.set(`${collection}/${result.id}`, file);

    const locate = locatorFor(result.text!);
    parsedFiles.push({ collection, file, data: result.frontmatter, locate });
    if (options.keepSources) {
      const frontmatter = (result.frontmatter ?? {}) as Record<string, unknown>;
      sources.push({
        collection,
        id: result.id,
        path: result.task.path,
        text: result.text!,
        frontmatter,
      });
    }
    problems.push(...result.problems);
    if (result.data === undefined) continue;
    entries.push({
      collection,
      id: result.id,
      data: result.data,
      file,
      source: `${collection}/${name}`,
      locate,
    });
  }

  problems.push(...checkReferences(parsedFiles, ids), ...checkConsistency(entries));
  const errors = problems.some((item) => item.severity === 'error');
  if (errors) return { config, problems: sortProblems(problems), fileCount: tasks.length };

  const model = toModel(groupByCollection(entries));
  problems.push(...checkQuality(entries, model, config, asOf));
  if (history) problems.push(...checkTargetChanges(entries, model, root));
  return {
    model,
    config,
    problems: sortProblems(problems),
    fileCount: tasks.length,
    ...(options.keepSources ? { sources } : {}),
  };
}

/**
 * Tells whether `config` allows an MDX file at `file`, a path relative to the content folder. Each
 * allowed folder covers the files in it and in its subfolders; `*` matches one folder name.
 */
export function isMdxAllowed(file: string, config: Pick<PortalConfig, 'mdx'>): boolean {
  const allowed = config.mdx.allowedFolders;
  if (allowed === undefined) return true;
  const folders = file.split('/').slice(0, -1);
  return allowed.some((pattern) => {
    const parts = pattern.replace(/^\/+|\/+$/g, '').split('/');
    return (
      parts.length <= folders.length &&
      parts.every((part, index) => part === '*' || part === folders[index])
    );
  });
}

/** Reads `config.yaml`; a missing file gives the defaults. */
export async function loadConfig(
  contentDir: string,
  relative: (file: string) => string = (file) => file,
): Promise<{ config: PortalConfig; problem?: Problem }> {
  const defaults = configSchema.parse({});
  const file = path.join(contentDir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { config: defaults };
  }

  const problem = (position: SourcePosition, field: string, message: string): Problem => ({
    file: relative(file),
    ...position,
    severity: 'error',
    rule: 'config',
    field,
    message,
  });
  let source;
  try {
    source = parseYaml(text);
  } catch (error) {
    if (!(error instanceof FrontmatterSyntaxError)) throw error;
    return { config: defaults, problem: problem(error.position, '', error.message) };
  }
  const result = configSchema.safeParse(source.data, { reportInput: true });
  if (result.success) return { config: result.data };
  const described = describeIssue(result.error.issues[0]!);
  const field = formatFieldPath(described.path);
  return {
    config: defaults,
    problem: problem(source.locate(described.path), field, described.message),
  };
}

function groupByCollection(entries: LoadedEntry[]): RawContent {
  const content = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, []]),
  ) as unknown as RawContent;
  for (const entry of entries) {
    (content[entry.collection] as RawEntry<unknown>[]).push({
      id: entry.id,
      data: entry.data,
      source: entry.source,
    });
  }
  return content;
}

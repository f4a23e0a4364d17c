import { compile } from '@mdx-js/mdx';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import {
  configSchema,
  ENTRY_ID_PATTERN,
  plainReference,
  type PortalConfig,
} from '../../schemas/index.ts';
import { toModel, type ContentModel, type RawContent, type RawEntry } from '../model.ts';
import {
  COLLECTION_NAMES,
  COLLECTION_SCHEMAS,
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
  parseSource,
  parseYaml,
  type SourcePosition,
} from './frontmatter.ts';
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
}

export interface LoadOptions {
  /** Folder that file paths in problems are relative to. Default: the working directory. */
  root?: string;
  /** Day the staleness check is computed for, YYYY-MM-DD. Default: today. */
  asOf?: string;
  /** Compares targets with git history. Default true. */
  history?: boolean;
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
  let fileCount = 0;
  for (const collection of COLLECTION_NAMES) {
    const folder = path.join(contentDir, collection);
    const files = (await glob(ENTRY_PATTERN, { cwd: folder, absolute: false })).sort();
    const schema = COLLECTION_SCHEMAS[collection](plainReference);
    fileCount += files.length;
    ids.set(collection, new Set(files.map(entryIdFromPath)));

    const seen = new Map<string, string>();
    const ignored = (await glob('**/*', { cwd: folder, absolute: false })).filter(
      (name) => !files.includes(name) && !path.basename(name).startsWith('.'),
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

    for (const name of files) {
      const file = relative(path.join(folder, name));
      const id = entryIdFromPath(name);
      const fail = (position: SourcePosition, field: string, rule: string, message: string) =>
        problems.push({ file, ...position, severity: 'error', rule, field, message });

      if (!ENTRY_ID_PATTERN.test(id)) {
        fail(
          { line: 1, column: 1 },
          '',
          'file-name',
          `has an invalid name; rename it in lower case with hyphens between words, such as "grow-customer-base.md"`,
        );
        continue;
      }

      let source;
      try {
        source = parseSource(await readFile(path.join(folder, name), 'utf8'));
      } catch (error) {
        if (!(error instanceof FrontmatterSyntaxError)) throw error;
        fail(error.position, '', 'yaml', error.message);
        continue;
      }

      if (name.endsWith('.mdx') && !isMdxAllowed(`${collection}/${name}`, config)) {
        const folders = config.mdx.allowedFolders ?? [];
        fail(
          { line: 1, column: 1 },
          '',
          'mdx-folder',
          `is MDX, which runs as code at build time, outside the folders that config.yaml allows for it (${folders.join(', ') || 'none'}); rename it to .md, or add its folder to mdx.allowedFolders in a reviewed change`,
        );
      }

      if (name.endsWith('.mdx')) {
        const mdxError = await checkMdx(source.body);
        if (mdxError) {
          const line = source.bodyLine + mdxError.line - 1;
          fail({ line, column: mdxError.column }, '', 'mdx', mdxError.message);
        }
      }

      const twin = seen.get(id);
      if (twin) {
        fail(
          { line: 1, column: 1 },
          '',
          'duplicate-id',
          `has the same id "${id}" as ${twin}; keep one of the two files`,
        );
        continue;
      }
      seen.set(id, file);

      parsedFiles.push({ collection, file, data: source.data, locate: source.locate });
      const result = schema.safeParse(source.data, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues) {
          const described = describeIssue(issue);
          fail(
            source.locate(described.path),
            formatFieldPath(described.path),
            described.rule ?? 'schema',
            described.message,
          );
        }
        continue;
      }
      for (const altered of source.alteredNumbers) {
        if (typeof valueAt(result.data, altered.path) !== 'string') continue;
        fail(
          source.locate(altered.path),
          formatFieldPath(altered.path),
          'yaml-number',
          `is text, but YAML reads ${altered.text} as the number ${altered.value}; quote it: "${altered.text}"`,
        );
      }
      entries.push({
        collection,
        id,
        data: result.data,
        file,
        source: `${collection}/${name}`,
        locate: source.locate,
      });
    }
  }

  problems.push(...checkReferences(parsedFiles, ids), ...checkConsistency(entries));
  const errors = problems.some((item) => item.severity === 'error');
  if (errors) return { config, problems: sortProblems(problems), fileCount };

  const model = toModel(groupByCollection(entries));
  problems.push(...checkQuality(entries, model, config, asOf));
  if (history) problems.push(...checkTargetChanges(entries, model, root));
  return { model, config, problems: sortProblems(problems), fileCount };
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

/** Compiles an MDX body to find syntax errors, which would otherwise stop Astro mid-build. */
async function checkMdx(
  body: string,
): Promise<{ line: number; column: number; message: string } | undefined> {
  let code: string;
  try {
    code = String(await compile(body));
  } catch (error) {
    const failure = error as {
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
      reason?: string;
      message: string;
    };
    // Some MDX messages carry their position only in the text, as in "(3:1-3:6)".
    const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(failure.reason ?? '');
    const start = failure.place?.start ?? failure.place;
    return {
      line: start?.line ?? Number(inText?.[1] ?? 1),
      column: start?.column ?? Number(inText?.[2] ?? 1),
      message: `has invalid MDX in its body: ${failure.reason ?? failure.message}`,
    };
  }

  // MDX compiles a component that is neither imported nor defined into a run-time failure.
  const missing = /_missingMdxReference\("([^"]+)"/.exec(code)?.[1];
  if (!missing) return undefined;
  const lines = body.split('\n');
  const index = lines.findIndex((text) => text.includes(`<${missing}`));
  return {
    line: index + 1 || 1,
    column: (lines[index]?.indexOf(`<${missing}`) ?? 0) + 1,
    message: `uses the component <${missing}>, which is not imported; import it in the MDX file or remove it`,
  };
}

/** Reads the value at a path such as `['keyResults', 0, 'title']`. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
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

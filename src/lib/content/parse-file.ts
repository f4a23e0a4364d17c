import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { ENTRY_ID_PATTERN, plainReference } from '../../schemas/index.ts';
import { COLLECTION_SCHEMAS, entryIdFromPath, type CollectionName } from './collections.ts';
import { FrontmatterSyntaxError, parseSource, type SourcePosition } from './frontmatter.ts';
import { formatFieldPath, type Problem } from './problem.ts';
import { describeIssue } from './zod-issues.ts';

/** A content file to read and check on its own. */
export interface FileTask {
  collection: CollectionName;
  /** Path relative to the collection's folder. */
  name: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the project root, as problems name it. */
  file: string;
}

/**
 * Result of reading one file. It contains only plain data, so that a worker thread can send it.
 * Which parts apply depends on the other files, as `loadContent` decides.
 */
export interface FileResult {
  task: FileTask;
  id: string;
  /** A problem that stops the file from being read: an invalid name or invalid YAML. */
  fatal?: Problem;
  /** The file's text, to find the position of a key when a later check reports a problem. */
  text?: string;
  /** The frontmatter as YAML reads it, before the schema. */
  frontmatter?: unknown;
  /** A syntax error in an MDX body. */
  mdx?: Problem;
  /** The schema's output, when the frontmatter is valid. */
  data?: unknown;
  /** Schema problems, and unquoted text that YAML read as a changed number. */
  problems: Problem[];
}

const schemas = new Map<CollectionName, z.ZodType>();

function schemaOf(collection: CollectionName): z.ZodType {
  let schema = schemas.get(collection);
  if (!schema) {
    schema = COLLECTION_SCHEMAS[collection](plainReference);
    schemas.set(collection, schema);
  }
  return schema;
}

/** Reads one content file and checks it against its collection's schema. */
export async function parseFile(task: FileTask): Promise<FileResult> {
  const { collection, name, file } = task;
  const id = entryIdFromPath(name);
  const problem = (position: SourcePosition, field: string, rule: string, message: string) =>
    ({ file, ...position, severity: 'error', rule, field, message }) satisfies Problem;

  if (!ENTRY_ID_PATTERN.test(id)) {
    const message = `has an invalid name; rename it in lower case with hyphens between words, such as "grow-customer-base.md"`;
    return {
      task,
      id,
      fatal: problem({ line: 1, column: 1 }, '', 'file-name', message),
      problems: [],
    };
  }

  const text = readFileSync(task.path, 'utf8');
  let source;
  try {
    source = parseSource(text);
  } catch (error) {
    if (!(error instanceof FrontmatterSyntaxError)) throw error;
    return { task, id, fatal: problem(error.position, '', 'yaml', error.message), problems: [] };
  }

  const result: FileResult = { task, id, text, frontmatter: source.data, problems: [] };
  if (name.endsWith('.mdx')) {
    const mdxError = await checkMdx(source.body);
    if (mdxError) {
      const line = source.bodyLine + mdxError.line - 1;
      result.mdx = problem({ line, column: mdxError.column }, '', 'mdx', mdxError.message);
    }
  }

  const parsed = schemaOf(collection).safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const described = describeIssue(issue);
      result.problems.push(
        problem(
          source.locate(described.path),
          formatFieldPath(described.path),
          described.rule ?? 'schema',
          described.message,
        ),
      );
    }
    return result;
  }
  for (const altered of source.alteredNumbers) {
    if (typeof valueAt(parsed.data, altered.path) !== 'string') continue;
    result.problems.push(
      problem(
        source.locate(altered.path),
        formatFieldPath(altered.path),
        'yaml-number',
        `is text, but YAML reads ${altered.text} as the number ${altered.value}; quote it: "${altered.text}"`,
      ),
    );
  }
  result.data = parsed.data;
  return result;
}

/** Reads files one after the other, in order. */
export async function parseBatch(tasks: FileTask[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const task of tasks) results.push(await parseFile(task));
  return results;
}

/** Compiles an MDX body to find syntax errors, which would otherwise stop Astro mid-build. */
async function checkMdx(
  body: string,
): Promise<{ line: number; column: number; message: string } | undefined> {
  // Loaded on the first MDX file, so that content without MDX never loads the compiler.
  const { compile } = await import('@mdx-js/mdx');
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

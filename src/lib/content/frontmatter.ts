import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Schema,
  visit,
  type Alias,
  type Document,
  type Node,
} from 'yaml';

/** Position of a key in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A Markdown or MDX file split into parsed frontmatter and body. */
export interface ParsedSource {
  data: unknown;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Unquoted numbers whose text YAML changed, such as 12.10 read as 12.1, by path. */
  alteredNumbers: { path: PropertyKey[]; text: string; value: number }[];
  /** Finds the line and column of the key at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): SourcePosition;
}

/** A YAML syntax error, with its position in the file. */
export class FrontmatterSyntaxError extends Error {
  readonly position: SourcePosition;

  constructor(message: string, position: SourcePosition) {
    super(message);
    this.position = position;
  }
}

/** Advice after a YAML syntax error, most of which come from text that needed quotes. */
const QUOTE_HINT = '; quote the value if it contains ": " or " #", or starts with %, @, ` or *';

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Parses a file's YAML frontmatter, keeping positions so that problems can name a line. It uses
 * the YAML 1.2 core schema with merge keys, as Astro does, but leaves dates as text: Astro's
 * timestamp tag would roll an impossible date such as 2026-02-30 over into March, while the
 * schemas report it.
 */
export function parseSource(text: string): ParsedSource {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    const opened = /^\uFEFF?---[ \t]*\r?\n/.test(text);
    const message = opened
      ? 'has no closing "---" line after its frontmatter; add one'
      : 'has no frontmatter; start the file with a line "---", the YAML fields, and another "---"';
    throw new FrontmatterSyntaxError(message, { line: 1, column: 1 });
  }
  const whole = match[0];
  // The YAML starts on line 2, after the opening `---`.
  const yaml = parseYaml(match[1] ?? '', 1);
  return { ...yaml, body: text.slice(whole.length), bodyLine: whole.split('\n').length };
}

/** A parsed YAML document with the positions of its keys. */
export type ParsedYaml = Pick<ParsedSource, 'data' | 'alteredNumbers' | 'locate'>;

/**
 * Parses YAML that starts `lineOffset` lines into its file, with the options described at
 * {@link parseSource}. Throws {@link FrontmatterSyntaxError} on a syntax error.
 */
export function parseYaml(yamlText: string, lineOffset = 0): ParsedYaml {
  const document = parseYamlDocument(yamlText);
  const toPosition = (offset: number): SourcePosition => {
    const { line, column } = positionAt(yamlText, offset);
    return { line: line + lineOffset, column };
  };

  const firstError = document.errors[0];
  if (firstError) {
    const reason = firstError.message.split('\n')[0] ?? firstError.message;
    throw new FrontmatterSyntaxError(
      `has invalid YAML: ${reason}${QUOTE_HINT}`,
      toPosition(firstError.pos[0]),
    );
  }

  const recursive = findRecursiveAlias(document);
  if (recursive) {
    throw new FrontmatterSyntaxError(
      `has invalid YAML: the alias *${recursive.source} is inside the value it refers to, so the value would contain itself; remove the alias`,
      toPosition(recursive.range?.[0] ?? 0),
    );
  }

  let data: unknown;
  try {
    data = document.contents === null ? {} : document.toJS();
  } catch (error) {
    // toJS fails on an alias that names no anchor, which the parser itself accepts.
    throw new FrontmatterSyntaxError(`has invalid YAML: ${(error as Error).message}`, {
      line: Math.max(1, lineOffset),
      column: 1,
    });
  }

  return {
    data,
    alteredNumbers: findAlteredNumbers(document.contents, []),
    locate: createLocator(yamlText, lineOffset),
  };
}

/**
 * Finds an alias inside the node that its anchor marks, such as `&a [x, *a]`. YAML reads it as a
 * value that contains itself, which no field takes and which JSON cannot represent.
 */
function findRecursiveAlias(document: Document): Alias | undefined {
  // The node that each anchor name last marked before the current node, which an alias names.
  const anchored = new Map<string, Node>();
  let recursive: Alias | undefined;
  visit(document, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target && path.includes(target)) {
          recursive = node;
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchored.set(node.anchor, node);
      }
      return undefined;
    },
  });
  return recursive;
}

/**
 * Builds the `locate` function of YAML that starts `lineOffset` lines into its file. It keeps
 * only the text, and parses it again when a problem first needs a position: problems are rare,
 * and a syntax tree kept for each of thousands of files costs more memory and garbage collection
 * than the second parse.
 */
function createLocator(yamlText: string, lineOffset: number): ParsedSource['locate'] {
  let document: Document | undefined;
  const toPosition = (offset: number): SourcePosition => {
    const { line, column } = positionAt(yamlText, offset);
    return { line: line + lineOffset, column };
  };
  return (path) => {
    document ??= parseYamlDocument(yamlText);
    return locateKey(document, path, toPosition) ?? { line: Math.max(1, lineOffset), column: 1 };
  };
}

/** Builds the `locate` function of a Markdown or MDX file's frontmatter from the file's text. */
export function locatorFor(text: string): ParsedSource['locate'] {
  return createLocator(FRONTMATTER.exec(text)?.[1] ?? '', 1);
}

/**
 * The YAML 1.2 core schema with merge keys, built once, because `parseDocument` would otherwise
 * build one for each file. That measured about a tenth of the parse time of a check-in.
 */
const CORE_SCHEMA = new Schema({ schema: 'core', merge: true, resolveKnownTags: true });

function parseYamlDocument(yamlText: string): Document {
  return parseDocument(yamlText, { merge: true, schema: CORE_SCHEMA, prettyErrors: false });
}

/** Finds the 1-based line and column of a character offset in `text`. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset;) {
    line += 1;
    lineStart = index + 1;
    index = text.indexOf('\n', lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

/** Lists the plain scalars that YAML read as numbers whose text does not survive the round trip. */
function findAlteredNumbers(
  node: unknown,
  path: PropertyKey[],
): { path: PropertyKey[]; text: string; value: number }[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      isScalar(pair.key) ? findAlteredNumbers(pair.value, [...path, String(pair.key.value)]) : [],
    );
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => findAlteredNumbers(item, [...path, index]));
  }
  if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') {
    const text = node.source;
    if (text !== String(node.value)) return [{ path, text, value: node.value }];
  }
  return [];
}

/** Finds the position of the deepest key along `path` that exists in the document. */
function locateKey(
  document: Document,
  path: readonly PropertyKey[],
  toPosition: (offset: number) => SourcePosition,
): SourcePosition | undefined {
  let node: unknown = document.contents;
  let found: SourcePosition | undefined;

  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      const key = pair.key as { range?: [number, number, number] };
      if (key.range) found = toPosition(key.range[0]);
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof segment === 'number') {
      const item = (node as { items: unknown[] }).items[segment] as
        { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) found = toPosition(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return found;
}

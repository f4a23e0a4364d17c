import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { checkValue } from '../../src/lib/content/consistency.ts';
import { loadContent, type LoadResult } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { readReportedValue } from '../../src/lib/model.ts';
import { toNumber } from '../../src/lib/score/progress.ts';
import { checkInValue, MAX_MAGNITUDE } from '../../src/schemas/index.ts';
import { ROOT } from '../support/build.ts';
import { mutateFixture, SMALL_FIXTURE } from '../support/fixture.ts';

/** Runs of the loader for each content type. Each run reads the whole fixture. */
const LOADER_RUNS = 150;
/** Runs of the checks on the generators, which only parse YAML. */
const GENERATOR_RUNS = 200;
/** Runs of the check on reported values, which only calls the schema. */
const REPORTED_VALUE_RUNS = 2000;

// A small YAML syntax tree, so that each test case predicts what YAML will read from the text it
// writes. `kind` is the JavaScript type that YAML's core schema gives a scalar, or `unknown` for
// text whose reading the generator does not predict, such as tags or stray indicators.

type Kind = 'null' | 'boolean' | 'number' | 'string' | 'list' | 'map' | 'unknown';

type YamlNode =
  | { type: 'scalar'; text: string; kind: Kind; spansLines: boolean }
  | { type: 'list'; items: YamlNode[]; flow: boolean }
  | { type: 'map'; entries: YamlEntry[]; flow: boolean }
  | { type: 'anchor'; name: string; node: YamlNode }
  | { type: 'alias'; name: string; kind: Kind };

interface YamlEntry {
  key: string;
  /** How the key is written. YAML reads a quoted key back exactly. */
  style: 'plain' | 'double' | 'single';
  value: YamlNode;
}

const scalar = (text: string, kind: Kind, spansLines = false): YamlNode => ({
  type: 'scalar',
  text,
  kind,
  spansLines,
});

function kindOf(node: YamlNode): Kind {
  switch (node.type) {
    case 'scalar':
    case 'alias':
      return node.kind;
    case 'anchor':
      return kindOf(node.node);
    case 'list':
      return 'list';
    case 'map':
      return 'map';
  }
}

/** Tells whether a node contains text that may open a construct running over later lines. */
function spansLines(node: YamlNode): boolean {
  switch (node.type) {
    case 'scalar':
      return node.spansLines;
    case 'alias':
      return false;
    case 'anchor':
      return spansLines(node.node);
    case 'list':
      return node.items.some(spansLines);
    case 'map':
      return node.entries.some((entry) => spansLines(entry.value));
  }
}

// Rendering.

function renderKey(entry: YamlEntry): string {
  if (entry.style === 'double') return JSON.stringify(entry.key);
  if (entry.style === 'single') return `'${entry.key.replaceAll("'", "''")}'`;
  return entry.key;
}

function renderFlow(node: YamlNode): string {
  switch (node.type) {
    case 'scalar':
      return node.text;
    case 'alias':
      return `*${node.name}`;
    case 'anchor':
      return `&${node.name} ${renderFlow(node.node)}`;
    case 'list':
      return `[${node.items.map(renderFlow).join(', ')}]`;
    case 'map': {
      const entries = node.entries.map(
        (entry) => `${renderKey(entry)}: ${renderFlow(entry.value)}`,
      );
      return `{${entries.join(', ')}}`;
    }
  }
}

/** Renders a node as it follows `key:` or `-` at indentation `indent`. */
function renderAfterIndicator(node: YamlNode, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  switch (node.type) {
    case 'scalar':
      return node.text === '' ? '' : ` ${node.text}`;
    case 'alias':
      return ` *${node.name}`;
    case 'anchor':
      return ` &${node.name}${renderAfterIndicator(node.node, indent)}`;
    case 'list':
      if (node.flow || node.items.length === 0) return ` ${renderFlow(node)}`;
      return node.items
        .map((item) => `\n${pad}-${renderAfterIndicator(item, indent + 2)}`)
        .join('');
    case 'map':
      if (node.flow || node.entries.length === 0) return ` ${renderFlow(node)}`;
      return node.entries
        .map(
          (entry) => `\n${pad}${renderKey(entry)}:${renderAfterIndicator(entry.value, indent + 2)}`,
        )
        .join('');
  }
}

/** A frontmatter document: a map of entries, or another node in place of the map. */
interface Draft {
  entries: YamlEntry[];
  root?: YamlNode;
  /** False once a step makes the document's reading unpredictable, such as a merge key. */
  predictable: boolean;
}

function renderDraft(draft: Draft): string {
  if (draft.root) {
    const { root } = draft;
    if (root.type === 'list' && !root.flow && root.items.length > 0) {
      return root.items.map((item) => `-${renderAfterIndicator(item, 0)}\n`).join('');
    }
    return `${renderFlow(root)}\n`;
  }
  return draft.entries
    .map((entry) => `${renderKey(entry)}:${renderAfterIndicator(entry.value, 0)}\n`)
    .join('');
}

// Scalars.

/** Plain scalars and the type that the YAML 1.2 core schema gives each. */
const TYPED_PLAIN: [string, Kind][] = [
  ['0', 'number'],
  ['42', 'number'],
  ['-7', 'number'],
  ['+12', 'number'],
  ['12.10', 'number'],
  ['0.5', 'number'],
  ['1e3', 'number'],
  ['5e-324', 'number'],
  ['1e12', 'number'],
  ['1000000000001', 'number'],
  ['1e400', 'number'],
  ['-1e400', 'number'],
  ['123456789012345678901234567890', 'number'],
  ['0x1F', 'number'],
  ['0o17', 'number'],
  ['.inf', 'number'],
  ['-.inf', 'number'],
  ['.nan', 'number'],
  ['.NaN', 'number'],
  ['true', 'boolean'],
  ['False', 'boolean'],
  ['TRUE', 'boolean'],
  ['null', 'null'],
  ['~', 'null'],
  ['NULL', 'null'],
  ['', 'null'],
  ['yes', 'string'],
  ['no', 'string'],
  ['off', 'string'],
  ['NaN', 'string'],
  ['nan', 'string'],
  ['Infinity', 'string'],
  ['-Infinity', 'string'],
  ['1_000', 'string'],
  ['TBD', 'string'],
  ['XXX', 'string'],
  ['n/a', 'string'],
  ['2026-10-05', 'string'],
  ['2026-02-30', 'string'],
  ['2026-13-01', 'string'],
  ['2026-11-13T10:00:00Z', 'string'],
  ['0000-01-01', 'string'],
  ['10000-01-01', 'string'],
  ['50%', 'string'],
  ['12.5 %', 'string'],
  ['-3%', 'string'],
  [`${'9'.repeat(20)}%`, 'string'],
  [`${'9'.repeat(400)}%`, 'string'],
  ['Sales_Ops', 'string'],
  ['New Logos', 'string'],
  ['[]', 'list'],
  ['[1, two, [3]]', 'list'],
  ['{}', 'map'],
  ['{a: 1, b: [2]}', 'map'],
];

/** Text with YAML indicators, tags and control characters, which stays on its own line. */
const ODD_PLAIN = [
  '@foo',
  '`rm -rf`',
  '%TAG ! x',
  '!local value',
  '!!int abc',
  '!!float twelve',
  '!!binary aGVsbG8=',
  '!!str 42',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!!timestamp 2026-02-30',
  '!!map [1]',
  '!<tag:yaml.org,2002:str> x',
  '!',
  '!!',
  '? x',
  '- x',
  '-',
  'a: b',
  'a: b: c',
  'a #b',
  '#only a comment',
  'value # comment',
  'a\tb',
  '\tleading tab',
  '*nowhere',
  '&lonely',
  '&x value',
  '*',
  '&',
  ',',
  'a, b',
  '"bad \\q escape"',
  "'it''s'",
  '"\\u0000\\x00\\U0001F600"',
  '"\\ud800"',
  '...',
  'a --- b',
  '{a: 1, a: 2}',
  `"${'x'.repeat(2000)}"`,
];

/** Text that opens a quote, a flow collection or a block scalar that later lines may continue. */
const SPANNING_PLAIN = ['"unterminated', "'unterminated", '[unclosed', '{unclosed: 1', '|', '>-'];

/** Control characters other than line breaks, which YAML rejects or keeps depending on where. */
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085'];
const OTHER_ODD_CHARACTERS = ['\u2028', '\u2029', '\ufeff', '\ud800', '\udfff'];

const typedPlain = fc.constantFrom(...TYPED_PLAIN).map(([text, kind]) => scalar(text, kind));

const oddPlain = fc.oneof(
  fc.constantFrom(...ODD_PLAIN).map((text) => scalar(text, 'unknown')),
  fc
    .tuple(
      fc.stringMatching(/^[a-z]{0,4}$/),
      fc.constantFrom(...CONTROL, ...OTHER_ODD_CHARACTERS),
      fc.stringMatching(/^[a-z]{0,4}$/),
    )
    .map(([before, character, after]) => scalar(`${before}${character}${after}`, 'unknown')),
);

const spanningPlain = fc
  .constantFrom(...SPANNING_PLAIN)
  .map((text) => scalar(text, 'unknown', true));

/** Any text, including control characters and lone surrogates, written as a JSON string. */
const doubleQuoted = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({
      unit: fc.constantFrom(...CONTROL, ...OTHER_ODD_CHARACTERS, 'a', ' ', '\n', '\r', '\t'),
    }),
    fc.constantFrom('', ' ', 'NaN', 'Infinity', '1e400', 'TBD', '50%', 'sales', '2026-11-13'),
  )
  .map((text) => scalar(JSON.stringify(text), 'string'));

const singleQuoted = fc
  .string({ unit: 'grapheme-ascii', maxLength: 20 })
  .map((text) => scalar(`'${text.replaceAll("'", "''")}'`, 'string'));

const plainWord = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  .filter((word) => !/^(true|false|null)$/.test(word))
  .map((word) => scalar(word, 'string'));

/** A flow collection that contains an alias of itself, which YAML reads as a circular value. */
const selfReference = fc
  .record({ number: fc.nat(9), map: fc.boolean() })
  .map(({ number, map }): YamlNode => {
    const name = `self${number}`;
    const alias: YamlNode = { type: 'alias', name, kind: map ? 'map' : 'list' };
    const node: YamlNode = map
      ? { type: 'map', entries: [{ key: 'self', style: 'plain', value: alias }], flow: true }
      : { type: 'list', items: [scalar('x', 'string'), alias], flow: true };
    return { type: 'anchor', name, node };
  });

/** Flow collections nested `depth` deep. */
const nested = (depth: number, map: boolean) =>
  map
    ? scalar(`${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`, 'map')
    : scalar(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'list');

/**
 * Nesting that YAML parses. YAML 2.9 reports deeper nesting, from about 1,800 levels with Node 24's
 * default stack, as "Maximum call stack size exceeded". It is slow to parse, so only the step
 * `deep` writes it.
 */
const deepNesting = fc
  .record({ depth: fc.constantFrom(10, 100), map: fc.boolean() })
  .map(({ depth, map }) => nested(depth, map));

const anyScalar: fc.Arbitrary<YamlNode> = fc.oneof(
  { weight: 4, arbitrary: typedPlain },
  { weight: 3, arbitrary: doubleQuoted },
  { weight: 1, arbitrary: singleQuoted },
  { weight: 2, arbitrary: plainWord },
  { weight: 3, arbitrary: oddPlain },
  { weight: 1, arbitrary: spanningPlain },
  { weight: 1, arbitrary: selfReference },
  { weight: 1, arbitrary: deepNesting },
);

/** Keys of nested maps: field names of key results, updates and settings, and any text. */
const NESTED_KEYS = [
  'id',
  'title',
  'owner',
  'type',
  'direction',
  'start',
  'target',
  'unit',
  'weight',
  'grade',
  'score',
  'note',
  'keyResult',
  'value',
  'confidence',
  '__proto__',
  'constructor',
];

/** Any key but the merge key `<<`, whose copying of fields the generator does not follow. */
const anyKey = fc
  .oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'Title'),
    fc.constantFrom('titel', 'key_results', 'keyresults', 'name ', 'team\t', 'x'),
    fc.string({ unit: 'binary', maxLength: 12 }),
  )
  .filter((key) => key !== '<<');

/** Builds an entry with a quoted key, which YAML reads exactly. Single quotes take only ASCII. */
function quotedEntry(key: string, style: 'double' | 'single', value: YamlNode): YamlEntry {
  const printable = /^[\x20-\x7e]*$/.test(key);
  return { key, style: style === 'single' && printable ? 'single' : 'double', value };
}

const nestedEntry = (value: fc.Arbitrary<YamlNode>) =>
  fc
    .record({
      key: fc.oneof(fc.constantFrom(...NESTED_KEYS), anyKey),
      style: fc.constantFrom<'double' | 'single'>('double', 'single'),
      value,
    })
    .map(({ key, style, value }) =>
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !/^(null|true|false)$/i.test(key)
        ? { key, style: 'plain' as const, value }
        : quotedEntry(key, style, value),
    );

const { anyNode } = fc.letrec<{ anyNode: YamlNode; list: YamlNode; map: YamlNode }>((tie) => ({
  anyNode: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 4, arbitrary: anyScalar },
    { weight: 1, arbitrary: tie('list') },
    { weight: 1, arbitrary: tie('map') },
  ),
  list: fc
    .record({ items: fc.array(tie('anyNode'), { maxLength: 4 }), flow: fc.boolean() })
    .map(({ items, flow }): YamlNode => ({ type: 'list', items, flow })),
  map: fc
    .record({
      entries: fc.array(nestedEntry(tie('anyNode')), { maxLength: 4 }),
      flow: fc.boolean(),
    })
    .map(({ entries, flow }): YamlNode => ({ type: 'map', entries, flow })),
}));

// Values that fit the fields, so that most documents get past the YAML and into the schemas.

const words = (...texts: string[]) =>
  fc.constantFrom(...texts).map((text) => scalar(text, 'string'));
const numbers = (...values: number[]) =>
  fc.constantFrom(...values).map((value) => scalar(String(value), 'number'));

/** Undefined seven times in eight, else a value of `arbitrary`. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** Mostly `good`, sometimes any node. */
const fitting = (good: fc.Arbitrary<YamlNode>) =>
  fc.oneof({ weight: 10, arbitrary: good }, { weight: 1, arbitrary: anyNode });

/** Builds a block map of the required fields, some optional ones and, rarely, an unknown key. */
function fieldMap(
  fields: Record<string, fc.Arbitrary<YamlNode>>,
  required: readonly string[],
): fc.Arbitrary<YamlNode> {
  const values = Object.fromEntries(
    Object.entries(fields).map(([name, good]) => [
      name,
      required.includes(name) ? fitting(good) : fc.option(fitting(good), { nil: undefined }),
    ]),
  );
  return fc
    .record({
      values: fc.record(values),
      extra: rarely(nestedEntry(anyNode)),
      flow: fc.boolean(),
    })
    .map(({ values, extra, flow }): YamlNode => {
      const entries: YamlEntry[] = Object.entries(values)
        .filter((pair): pair is [string, YamlNode] => pair[1] !== undefined)
        .map(([key, value]) => ({ key, style: 'plain', value }));
      if (extra) entries.push(extra);
      return { type: 'map', entries, flow: flow && entries.length < 3 };
    });
}

const blockList = (item: fc.Arbitrary<YamlNode>, minLength: number, maxLength: number) =>
  fc
    .record({ items: fc.array(item, { minLength, maxLength }), flow: fc.boolean() })
    .map(({ items, flow }): YamlNode => ({ type: 'list', items, flow }));

const text = fc.oneof(
  words('Win more customers', "'12.10'", 'Grow', '"Ünïcödé ✓"'),
  numbers(2026, 12.1),
);
const day = words(
  '2026-11-13',
  '2026-10-01',
  '2026-12-31',
  '2026-09-25',
  '2027-01-04',
  '2026-02-30',
);
const person = words('sam-ortiz', 'cleo-park', 'sam', 'Sam Ortiz');
const team = words('sales', 'company', 'Sales', 'marketing');
const objectiveId = words(
  '2026-q4/sales/more-customers',
  '2026-q4/company/grow',
  '2026-q3/sales/q3-pipeline',
  '2026-q4/sales/missing',
);
const keyResultId = words('leads', 'cycle', 'launch', 'deals', 'churn', 'cycel', 'Leads');
const percent = words('40%', '150%', '12.5 %', '-5%', `${'9'.repeat(20)}%`, `${'9'.repeat(400)}%`);
const amount = fc.oneof(
  numbers(0, 1, 30, 50, 400, 1000, 0.5, -3, 1e12, 1.5e12),
  percent,
  words('TBD', 'X'),
);

/** A key result with an id from `id`. */
const keyResult = (id: fc.Arbitrary<YamlNode>) =>
  fieldMap(
    {
      id,
      title: text,
      owner: person,
      type: words('metric', 'milestone', 'boolean', 'percent'),
      direction: words('increase', 'decrease', 'stay-above', 'stay-below', 'up'),
      start: amount,
      target: amount,
      unit: words("'%'", 'leads', 'days'),
      weight: numbers(1, 2, 0.5, 0, -1),
      grade: fieldMap({ score: numbers(0.3, 1, 1.5), note: text }, ['score', 'note']),
    },
    ['id', 'title', 'owner'],
  );

/** Key results of the rewritten objective: the three that other files name, or any. */
const keyResults = fc.oneof(
  fc
    .tuple(keyResult(words('leads')), keyResult(words('cycle')), keyResult(words('launch')))
    .map((items): YamlNode => ({ type: 'list', items, flow: false })),
  blockList(keyResult(keyResultId), 0, 5),
);

/** A check-in of an objective, dated in its period and naming its key results. */
const checkIn = (objective: string, days: string[], ids: string[]) =>
  fieldMap(
    {
      date: words(...days),
      author: person,
      objective: words(objective),
      updates: blockList(
        fieldMap(
          {
            keyResult: words(...ids),
            value: fc.oneof(amount, words('done'), typedPlain),
            confidence: numbers(0, 3, 7, 10, 11, 3.5, -1),
            note: text,
          },
          ['keyResult', 'value'],
        ),
        0,
        4,
      ),
    },
    ['date', 'author', 'objective', 'updates'],
  );

const fraction = numbers(0, 0.1, 0.25, 0.7, 1, 2, -1);

/** Kind of value that a top-level field accepts. The schema rejects the other kinds. */
type Accepts = 'text' | 'string' | 'list' | 'map';

const REJECTED: Record<Accepts, Kind[]> = {
  // A title takes text or a number.
  text: ['null', 'boolean', 'list', 'map'],
  string: ['null', 'boolean', 'number', 'list', 'map'],
  list: ['null', 'boolean', 'number', 'string', 'map'],
  map: ['null', 'boolean', 'number', 'string', 'list'],
};

interface ContentType {
  name: string;
  /** The file rewritten in each run, relative to the content folder. */
  file: string;
  /** False for `config.yaml`, which is YAML without `---` lines. */
  frontmatter: boolean;
  fields: Record<string, Accepts>;
  required: string[];
  /** Documents that mostly fit the schema, for the steps to break. */
  fitting: fc.Arbitrary<YamlNode>;
}

const CONTENT_TYPES: ContentType[] = [
  {
    name: 'periods',
    file: 'periods/2026-q4.md',
    frontmatter: true,
    fields: { name: 'text', start: 'string', end: 'string' },
    required: ['name', 'start', 'end'],
    fitting: fieldMap({ name: words('Q4 2026'), start: day, end: day }, ['name', 'start', 'end']),
  },
  {
    name: 'teams',
    file: 'teams/sales.md',
    frontmatter: true,
    fields: { name: 'text', parent: 'string', lead: 'string', area: 'string' },
    required: ['name', 'lead', 'area'],
    fitting: fieldMap(
      { name: words('Sales'), parent: team, lead: person, area: words('sales', 'Sales Ops') },
      ['name', 'lead', 'area'],
    ),
  },
  {
    name: 'people',
    file: 'people/sam-ortiz.md',
    frontmatter: true,
    fields: { name: 'text', team: 'string', role: 'text', email: 'string', avatar: 'text' },
    required: ['name', 'team'],
    fitting: fieldMap(
      {
        name: words('Sam Ortiz'),
        team,
        role: words('Head of Sales'),
        email: words('sam@example.com', 'not-an-address'),
        avatar: words('/avatars/sam.png'),
      },
      ['name', 'team'],
    ),
  },
  {
    name: 'objectives',
    file: 'objectives/2026-q4/sales/more-customers.md',
    frontmatter: true,
    fields: {
      title: 'text',
      period: 'string',
      team: 'string',
      owner: 'string',
      parent: 'string',
      theme: 'text',
      visibility: 'string',
      keyResults: 'list',
    },
    required: ['title', 'period', 'team', 'owner'],
    fitting: fieldMap(
      {
        title: text,
        period: words('2026-q4', '2026-q3', '2026-q1'),
        team,
        owner: person,
        parent: objectiveId,
        theme: words('Growth'),
        visibility: words('public', 'private', 'secret'),
        keyResults,
      },
      ['title', 'period', 'team', 'owner'],
    ),
  },
  {
    name: 'checkins',
    file: 'checkins/2026-q4/2026-11-13.md',
    frontmatter: true,
    fields: { date: 'string', author: 'string', objective: 'string', updates: 'list' },
    required: ['date', 'author', 'objective', 'updates'],
    fitting: fc.oneof(
      checkIn(
        '2026-q4/sales/more-customers',
        ['2026-11-13', '2026-10-01', '2026-12-31', '2027-01-04'],
        ['leads', 'cycle', 'launch', 'cycel'],
      ),
      checkIn(
        '2026-q3/sales/q3-pipeline',
        ['2026-09-25', '2026-07-01', '2026-02-30'],
        ['deals', 'churn', 'Deals'],
      ),
      checkIn('2026-q4/company/grow', ['2026-11-13'], ['grow']),
    ),
  },
  {
    name: 'actions',
    file: 'actions/partner-push.md',
    frontmatter: true,
    fields: {
      title: 'text',
      kind: 'string',
      objective: 'string',
      keyResults: 'list',
      owner: 'string',
      started: 'string',
      due: 'string',
      status: 'string',
      deviation: 'text',
      cause: 'text',
    },
    required: ['title', 'kind', 'objective', 'keyResults', 'owner', 'due', 'status'],
    fitting: fieldMap(
      {
        title: text,
        kind: words('initiative', 'corrective', 'fix'),
        objective: objectiveId,
        keyResults: blockList(keyResultId, 0, 3),
        owner: person,
        started: day,
        due: day,
        status: words('planned', 'in-progress', 'done', 'open'),
        deviation: text,
        cause: text,
      },
      ['title', 'kind', 'objective', 'keyResults', 'owner', 'due', 'status'],
    ),
  },
  {
    name: 'config',
    file: 'config.yaml',
    frontmatter: false,
    fields: {
      company: 'string',
      status: 'map',
      grades: 'map',
      checks: 'map',
      repository: 'map',
    },
    required: [],
    fitting: fieldMap(
      {
        company: words('Fixture Co', "''"),
        status: fieldMap(
          {
            onTrackMargin: fraction,
            atRiskMargin: fraction,
            lowConfidence: numbers(3, 0, 10, 11, 2.5),
          },
          [],
        ),
        grades: fieldMap({ yellow: fraction, green: fraction, sweetSpotMin: fraction }, []),
        checks: fieldMap({ minKeyResults: numbers(0, 2, -1), maxKeyResults: numbers(5, 0) }, []),
        repository: fieldMap(
          {
            url: words('https://github.com/fixture-co/okrs', 'not-a-url'),
            branch: words('main'),
            contentPath: words('content'),
          },
          ['url'],
        ),
      },
      [],
    ),
  },
];

// Steps that turn a fitting document into a broken one.

type Step =
  | { step: 'remove'; index: number }
  | { step: 'replace'; index: number; value: YamlNode }
  | { step: 'add-unknown'; key: string; style: 'double' | 'single'; value: YamlNode }
  | { step: 'add-field'; field: number; value: YamlNode }
  | { step: 'duplicate'; index: number }
  | { step: 'share'; from: number; to: number }
  | { step: 'merge'; value: YamlNode }
  | { step: 'alias-bomb' }
  | { step: 'deep'; index: number; map: boolean }
  | { step: 'root'; value: YamlNode };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ step: fc.constant('remove' as const), index: fc.nat() }),
  fc.record({ step: fc.constant('replace' as const), index: fc.nat(), value: anyNode }),
  fc.record({
    step: fc.constant('add-unknown' as const),
    key: anyKey,
    style: fc.constantFrom<'double' | 'single'>('double', 'single'),
    value: anyNode,
  }),
  fc.record({ step: fc.constant('add-field' as const), field: fc.nat(), value: anyNode }),
  fc.record({ step: fc.constant('duplicate' as const), index: fc.nat() }),
  fc.record({ step: fc.constant('share' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ step: fc.constant('merge' as const), value: anyNode }),
  fc.record({ step: fc.constant('alias-bomb' as const) }),
  fc.record({ step: fc.constant('deep' as const), index: fc.nat(), map: fc.boolean() }),
  fc.record({
    step: fc.constant('root' as const),
    value: fc.oneof(anyScalar, anyNode).filter((node) => kindOf(node) !== 'map'),
  }),
);

/** Builds `[name, node]` entries for an alias bomb: four levels of ten aliases each. */
function aliasBomb(): YamlEntry[] {
  const entries: YamlEntry[] = [];
  for (let level = 0; level < 4; level += 1) {
    const item: YamlNode =
      level === 0
        ? scalar('x', 'string')
        : { type: 'alias', name: `bomb${level - 1}`, kind: 'list' };
    const list: YamlNode = {
      type: 'list',
      items: Array.from({ length: 10 }, () => item),
      flow: true,
    };
    entries.push({
      key: `bomb${level}`,
      style: 'plain',
      value: { type: 'anchor', name: `bomb${level}`, node: list },
    });
  }
  return entries;
}

function applySteps(type: ContentType, entries: YamlEntry[], steps: Step[]): Draft {
  const draft: Draft = { entries: [...entries], predictable: true };
  const fieldNames = Object.keys(type.fields);
  let anchors = 0;

  for (const item of steps) {
    const count = draft.entries.length;
    switch (item.step) {
      case 'remove':
        if (count > 0) draft.entries.splice(item.index % count, 1);
        break;
      case 'replace':
        if (count > 0) {
          const index = item.index % count;
          draft.entries[index] = { ...draft.entries[index]!, value: item.value };
        }
        break;
      case 'add-unknown':
        // A key that only differs from a field name in its case or spaces is still unknown.
        if (!fieldNames.includes(item.key)) {
          draft.entries.push(quotedEntry(item.key, item.style, item.value));
        }
        break;
      case 'add-field': {
        const key = fieldNames[item.field % fieldNames.length];
        if (key !== undefined) draft.entries.push({ key, style: 'plain', value: item.value });
        break;
      }
      case 'duplicate':
        if (count > 0) draft.entries.push(draft.entries[item.index % count]!);
        break;
      case 'share': {
        if (count < 2) break;
        const from = item.from % (count - 1);
        const to = from + 1 + (item.to % (count - 1 - from));
        const source = draft.entries[from]!;
        const name = source.value.type === 'anchor' ? source.value.name : `shared${(anchors += 1)}`;
        if (source.value.type !== 'anchor') {
          draft.entries[from] = { ...source, value: { type: 'anchor', name, node: source.value } };
        }
        const kind = kindOf(source.value);
        draft.entries[to] = { ...draft.entries[to]!, value: { type: 'alias', name, kind } };
        break;
      }
      case 'merge':
        // A merge key copies fields in, which this generator does not follow.
        draft.entries.push({ key: '<<', style: 'plain', value: item.value });
        draft.predictable = false;
        break;
      case 'alias-bomb':
        draft.entries.push(...aliasBomb());
        break;
      case 'deep':
        if (count > 0) {
          const index = item.index % count;
          draft.entries[index] = { ...draft.entries[index]!, value: nested(2500, item.map) };
        }
        break;
      case 'root':
        draft.root = item.value;
        break;
    }
  }
  return draft;
}

/** Lists why the loader must report an error in the file, or nothing when that cannot be predicted. */
function expectedErrors(type: ContentType, draft: Draft): string[] {
  if (!draft.predictable) return [];
  if (draft.root) {
    if (spansLines(draft.root)) return [];
    const kind = kindOf(draft.root);
    const rendered = renderDraft(draft).trim();
    // An empty document reads as no fields, which only config.yaml allows.
    if (kind === 'null' && rendered === '') {
      return type.required.length > 0 ? ['has no fields, but some are required'] : [];
    }
    return kind === 'unknown' ? [] : [`is a ${kind}, not a set of fields`];
  }
  if (draft.entries.some((entry) => spansLines(entry.value))) return [];

  const reasons: string[] = [];
  const keys = draft.entries.map((entry) => entry.key);
  const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (duplicates.length > 0) reasons.push(`repeats the key ${JSON.stringify(duplicates[0])}`);

  for (const key of keys) {
    if (!Object.hasOwn(type.fields, key)) {
      reasons.push(`has the unknown key ${JSON.stringify(key)}`);
    }
  }
  for (const field of type.required) {
    if (!keys.includes(field)) reasons.push(`lacks the required field ${field}`);
  }
  for (const entry of draft.entries) {
    const accepts = Object.hasOwn(type.fields, entry.key) ? type.fields[entry.key] : undefined;
    const kind = kindOf(entry.value);
    if (accepts && REJECTED[accepts].includes(kind)) {
      reasons.push(`has a ${kind} in ${entry.key}, which takes ${accepts}`);
    }
  }
  return reasons;
}

// Changes to the bytes of the file, after which the generator cannot tell what YAML reads.

type Damage =
  | { damage: 'insert'; at: number; bytes: Uint8Array }
  | { damage: 'truncate'; at: number }
  | { damage: 'tab-indent' }
  | { damage: 'crlf' }
  | { damage: 'bom' };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    damage: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ damage: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ damage: fc.constant('tab-indent' as const) }),
  fc.record({ damage: fc.constant('crlf' as const) }),
  fc.record({ damage: fc.constant('bom' as const) }),
);

/** Damage that keeps every character and line that YAML reads. */
const harmless = (item: Damage) => item.damage === 'crlf' || item.damage === 'bom';

function applyDamage(content: Buffer, item: Damage): Buffer {
  switch (item.damage) {
    case 'insert': {
      const at = item.at % (content.length + 1);
      return Buffer.concat([content.subarray(0, at), item.bytes, content.subarray(at)]);
    }
    case 'truncate':
      return content.subarray(0, item.at % (content.length + 1));
    case 'tab-indent':
      return Buffer.from(content.toString('utf8').replaceAll('\n  ', '\n\t'));
    case 'crlf':
      return Buffer.from(content.toString('utf8').replaceAll('\n', '\r\n'));
    case 'bom':
      return Buffer.concat([Buffer.from('\ufeff'), content]);
  }
}

/** How the frontmatter sits in its file. */
type Frame = 'fenced' | 'no-closing' | 'no-opening';

interface Sample {
  /** The file as written, in UTF-8. */
  text: string;
  content: Buffer;
  draft: Draft;
  /** Reasons why the loader must report an error in this file, empty when it may be valid. */
  mustFail: string[];
}

function sampleFor(type: ContentType): fc.Arbitrary<Sample> {
  const base = fc.oneof(
    { weight: 5, arbitrary: type.fitting },
    { weight: 1, arbitrary: fc.constant<YamlNode>({ type: 'map', entries: [], flow: false }) },
  );
  return fc
    .record({
      base,
      steps: fc.oneof(fc.constant<Step[]>([]), fc.array(step, { minLength: 1, maxLength: 6 })),
      frame: fc.oneof(
        { weight: 10, arbitrary: fc.constant<Frame>('fenced') },
        { weight: 1, arbitrary: fc.constantFrom<Frame>('no-closing', 'no-opening') },
      ),
      damage: rarely(damage),
    })
    .map(({ base, steps, frame, damage }) => {
      const entries = base.type === 'map' ? base.entries : [];
      const draft = applySteps(type, entries, steps);
      const yaml = renderDraft(draft);
      let mustFail = expectedErrors(type, draft);

      let written = yaml;
      if (type.frontmatter) {
        written = {
          fenced: `---\n${yaml}---\nBody.\n`,
          'no-closing': `---\n${yaml}Body.\n`,
          'no-opening': `${yaml}---\nBody.\n`,
        }[frame];
        // A line "---" inside the YAML would end the frontmatter early.
        const fenceInside = /^---[ \t]*\r?$/m.test(yaml) || /^\uFEFF?---/.test(yaml);
        if (fenceInside) mustFail = [];
        else if (frame !== 'fenced')
          mustFail = [...mustFail, `has ${frame.replace('-', ' ')} "---"`];
      }

      let content: Buffer = Buffer.from(written);
      if (damage) {
        content = applyDamage(content, damage);
        if (!harmless(damage)) mustFail = [];
      }
      const text = content.toString('utf8');
      // fast-check prints this when a property fails, in place of the whole object.
      const show = () => `file ${JSON.stringify(text)}, must fail: ${JSON.stringify(mustFail)}`;
      return { text, content, draft, mustFail, [fc.toStringMethod]: show };
    });
}

// The checks.

/** A line of a JavaScript stack trace, such as "    at load (src/load.ts:3:9)". */
const STACK_LINE = /^ {4}at \S.*:\d+:\d+\)?$/m;

/**
 * Asserts that every problem names an existing file and a position, with a message that is not
 * empty and contains no stack trace, and that the model is there exactly when no error is.
 */
function expectWellFormedResult(result: LoadResult) {
  for (const problem of result.problems) {
    const line = formatProblem(problem);
    expect(problem.file, line).toMatch(/\S/);
    expect(existsSync(path.resolve(ROOT, problem.file)), `${line}: file not found`).toBe(true);
    expect(typeof problem.message, line).toBe('string');
    expect(problem.message.trim(), line).not.toBe('');
    expect(problem.message, line).not.toMatch(STACK_LINE);
    expect(Number.isInteger(problem.line), `${line}: line`).toBe(true);
    expect(problem.line, `${line}: line`).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(problem.column), `${line}: column`).toBe(true);
    expect(problem.column, `${line}: column`).toBeGreaterThanOrEqual(1);
    expect(['error', 'warning'], line).toContain(problem.severity);
    expect(problem.rule, line).toMatch(/^[a-z-]+$/);
  }
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) expect(result.model, 'model despite errors').toBeUndefined();
  else expect(result.model, 'no model without errors').toBeDefined();
}

/** Asserts that every number in the model is finite and within the limit of the numeric fields. */
function expectNumbersInRange(result: LoadResult) {
  if (!result.model) return;
  const inRange = (value: unknown, label: string) => {
    if (typeof value !== 'number') return;
    expect(Number.isFinite(value), `${label} is ${value}`).toBe(true);
    expect(Math.abs(value), `${label} is ${value}`).toBeLessThanOrEqual(MAX_MAGNITUDE);
  };
  for (const objective of result.model.objectives) {
    for (const keyResult of objective.keyResults) {
      const key = `${objective.id}#${keyResult.id}`;
      inRange(keyResult.start, `start of ${key}`);
      inRange(keyResult.target, `target of ${key}`);
      inRange(keyResult.weight, `weight of ${key}`);
    }
  }
  for (const checkIn of result.model.checkIns) {
    for (const item of checkIn.updates) {
      inRange(item.value, `value of ${item.keyResult} in ${checkIn.id}`);
    }
  }
}

/** Reads a YAML text the way the loader does, or returns undefined on a syntax error. */
function readYaml(yaml: string): unknown {
  const document = parseDocument(yaml, { merge: true, schema: 'core', prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  try {
    return document.contents === null ? {} : document.toJS();
  } catch {
    return undefined;
  }
}

function kindOfValue(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'string':
      return typeof value as Kind;
    case 'object':
      return Object.getPrototypeOf(value) === Object.prototype ? 'map' : 'unknown';
    default:
      return 'unknown';
  }
}

describe('frontmatter generators', () => {
  test('typed scalars read as their kind', () => {
    for (const [text, kind] of TYPED_PLAIN) {
      const data = readYaml(`value: ${text}\n`) as { value: unknown } | undefined;
      expect(kindOfValue(data?.value), `value: ${text}`).toBe(kind);
    }
  });

  test.each(CONTENT_TYPES)('$name documents read as predicted', (type) => {
    fc.assert(
      fc.property(sampleFor(type), ({ draft }) => {
        if (!draft.predictable || draft.root) return;
        if (draft.entries.some((entry) => spansLines(entry.value))) return;
        const data = readYaml(renderDraft(draft));
        if (data === undefined) return;
        expect(kindOfValue(data)).toBe('map');
        const keys = draft.entries.map((entry) => entry.key);
        for (const entry of draft.entries) {
          const kind = kindOf(entry.value);
          if (kind === 'unknown' || keys.indexOf(entry.key) !== keys.lastIndexOf(entry.key)) {
            continue;
          }
          const value = (data as Record<string, unknown>)[entry.key];
          expect(Object.hasOwn(data as object, entry.key), entry.key).toBe(true);
          expect(kindOfValue(value), `${entry.key}: ${renderFlow(entry.value)}`).toBe(kind);
        }
      }),
      { numRuns: GENERATOR_RUNS },
    );
  });
});

/** Time limit of one content type's runs, far above what they take, for slow or busy machines. */
const LOADER_TIMEOUT_MS = 120_000;

describe('loadContent on random frontmatter', () => {
  let contentDir = '';
  let current: ContentType | undefined;

  // One scratch copy of the fixture, in which each run rewrites one file.
  beforeAll(() => {
    contentDir = path.join(ROOT, mutateFixture('loader-properties', []));
  });

  // Puts back the fixture's version of the file that the last test rewrote.
  afterEach(() => {
    if (!current) return;
    writeFileSync(
      path.join(contentDir, current.file),
      readFileSync(path.join(SMALL_FIXTURE, current.file)),
    );
    current = undefined;
  });

  test.each(CONTENT_TYPES)(
    '$name never throws and flags invalid files',
    async (type) => {
      current = type;
      const file = path.join(contentDir, type.file);
      const relative = path.relative(ROOT, file).split(path.sep).join('/');

      await fc.assert(
        fc.asyncProperty(sampleFor(type), async ({ content, mustFail }) => {
          writeFileSync(file, content);
          // The scratch copy has no git history, so the check of target changes is left out.
          const result = await loadContent(contentDir, {
            root: ROOT,
            asOf: '2026-11-15',
            history: false,
          });

          expectWellFormedResult(result);
          expectNumbersInRange(result);
          if (mustFail.length > 0) {
            const errors = result.problems.filter(
              (problem) => problem.severity === 'error' && problem.file === relative,
            );
            expect(errors, `no error, but the file ${mustFail.join(', ')}`).not.toEqual([]);
          }
        }),
        { numRuns: LOADER_RUNS },
      );
    },
    LOADER_TIMEOUT_MS,
  );
});

describe('reported values', () => {
  /** Digits of a percentage: short ones, ones past the numeric limit, and ones past a double. */
  const digits = fc.oneof(
    fc.stringMatching(/^\d{1,6}$/),
    fc.stringMatching(/^[1-9]\d{12,20}$/),
    fc.stringMatching(/^[1-9]\d{308,420}$/),
  );
  const percentText = fc
    .tuple(
      fc.constantFrom('', '-'),
      digits,
      fc.constantFrom('', '.5', '.125'),
      fc.constantFrom('%', ' %'),
    )
    .map((parts) => parts.join(''));
  const reported = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom('done', 'Done', 'TBD', '', '%', null),
    percentText,
    fc.string(),
  );
  const target = fc.record({
    type: fc.constantFrom('metric', 'milestone', 'boolean'),
    unit: fc.constantFrom(undefined, '%', 'days'),
  });

  test('accepted values are numbers within the numeric limit', () => {
    fc.assert(
      fc.property(reported, target, (value, keyResult) => {
        const parsed = checkInValue.safeParse(value);
        if (!parsed.success || checkValue(keyResult, parsed.data) !== undefined) return;
        const number = toNumber(readReportedValue(parsed.data, keyResult));
        expect(Number.isFinite(number), `${String(value)} reads as ${number}`).toBe(true);
        expect(Math.abs(number), `${String(value)} reads as ${number}`).toBeLessThanOrEqual(
          MAX_MAGNITUDE,
        );
        if (keyResult.type !== 'metric') {
          expect(number).toBeGreaterThanOrEqual(0);
          expect(number).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: REPORTED_VALUE_RUNS },
    );
  });
});

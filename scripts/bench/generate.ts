// Generates a synthetic organisation as a content folder, valid against the real schemas, for
// the build benchmark. At scale 1 it has 50 teams in a tree under one company team, 8 quarters,
// 3 objectives per team and quarter with 4 key results each, and weekly check-ins: about 1,200
// objectives and 15,000 check-ins. The same seed and scale always give the same files.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { createRandom, type Random } from './random.ts';
import { actionBody, checkInBody, objectiveBody, paragraph, periodBody, teamBody } from './text.ts';

export interface GenerateOptions {
  /** Multiplies the number of teams, and with it people, objectives and check-ins. */
  scale: number;
  /** The benchmark's as-of day: the last of the 8 quarters contains it. */
  asOf: string;
  seed?: number;
}

/** Counts of the generated entries by collection, and the number and size of the files. */
export interface GeneratedContent {
  teams: number;
  people: number;
  periods: number;
  objectives: number;
  keyResults: number;
  checkIns: number;
  actions: number;
  files: number;
  bytes: number;
  /** SHA-256 of every file's path and text, in the order written: equal runs give equal hashes. */
  sha256: string;
}

export const TEAMS_AT_SCALE_1 = 50;
export const QUARTERS = 8;
export const OBJECTIVES_PER_TEAM = 3;
export const KEY_RESULTS_PER_OBJECTIVE = 4;
/** Children of each team in the tree, filled breadth-first under the company team. */
const BRANCHING = 6;
const DEFAULT_SEED = 20261204;
const COMPANY = 'Northwind';

interface Area {
  id: string;
  name: string;
  units: string[];
  objectives: string[];
}

const AREAS: Area[] = [
  {
    id: 'sales',
    name: 'Sales',
    units: ['Mid-market', 'Enterprise', 'Sales development', 'Partners', 'Sales operations'],
    objectives: [
      'Grow new bookings in our core segment',
      'Shorten the sales cycle',
      'Expand revenue from existing customers',
      'Build a predictable pipeline',
      'Win more competitive deals',
      'Raise the average deal size',
    ],
  },
  {
    id: 'marketing',
    name: 'Marketing',
    units: ['Demand generation', 'Product marketing', 'Brand', 'Content', 'Events'],
    objectives: [
      'Fill the funnel with qualified demand',
      'Make the brand known in the mid-market',
      'Lower the cost per qualified lead',
      'Grow organic traffic',
      'Turn customers into advocates',
      'Improve website conversion',
    ],
  },
  {
    id: 'finance',
    name: 'Finance',
    units: ['Accounting', 'Billing', 'Financial planning', 'Procurement', 'Treasury'],
    objectives: [
      'Close the books faster',
      'Reach cash-flow breakeven',
      'Cut days sales outstanding',
      'Automate billing end to end',
      'Tighten spend control',
      'Pass the annual audit cleanly',
    ],
  },
  {
    id: 'operations',
    name: 'Operations',
    units: ['Customer support', 'Onboarding', 'Customer success', 'Professional services'],
    objectives: [
      'Make onboarding fast and predictable',
      'Resolve support requests faster',
      'Reduce churn among small customers',
      'Raise customer satisfaction',
      'Scale support for the peak season',
      'Renew every strategic account',
    ],
  },
  {
    id: 'technology',
    name: 'Technology',
    units: ['Platform', 'Payments', 'Integrations', 'Data', 'Security', 'Infrastructure'],
    objectives: [
      'Make the platform reliable at peak load',
      'Ship the public API',
      'Cut deployment lead time',
      'Harden security for enterprise buyers',
      'Reduce infrastructure cost per customer',
      'Retire the legacy services',
    ],
  },
  {
    id: 'people',
    name: 'People',
    units: ['Recruiting', 'Learning', 'People operations', 'Total rewards'],
    objectives: [
      'Hire the people the plan needs',
      'Grow managers from within',
      'Keep our best people',
      'Make the first month of new hires great',
      'Build a fair pay structure',
      'Raise engagement scores',
    ],
  },
];

const COMPANY_OBJECTIVES = [
  { title: 'Win the mid-market', theme: 'Growth' },
  { title: 'Become the most reliable product in our category', theme: 'Reliability' },
  { title: 'Grow efficiently toward profitability', theme: 'Efficiency' },
  { title: 'Build a company people want to join', theme: 'People' },
  { title: 'Delight every customer', theme: 'Customers' },
];

const REGIONS = ['EMEA', 'Americas', 'APAC', 'North', 'South', 'East', 'West', 'Nordics'];

const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloe',
  'David',
  'Elena',
  'Felix',
  'Grace',
  'Hannah',
  'Ines',
  'James',
  'Kwame',
  'Lena',
  'Lucas',
  'Maya',
  'Nadia',
  'Olivia',
  'Omar',
  'Priya',
  'Ravi',
  'Samir',
  'Sofia',
  'Tomas',
  'Yuki',
  'Zara',
  'Arjun',
  'Bea',
  'Carlos',
  'Dana',
  'Emil',
  'Fatima',
  'Gustav',
  'Hiro',
  'Ivy',
  'Jonas',
  'Kira',
  'Leo',
  'Mina',
  'Noah',
  'Oskar',
  'Paula',
];

const LAST_NAMES = [
  'Lima',
  'Okafor',
  'Martin',
  'Rossi',
  'Brandt',
  'Whitfield',
  'Kim',
  'Duarte',
  'Whitaker',
  'Asante',
  'Vogel',
  'Moreau',
  'Bell',
  'Okonkwo',
  'Petrova',
  'Grant',
  'Haddad',
  'Raman',
  'Shah',
  'Nasser',
  'Castillo',
  'Ferreira',
  'Tanaka',
  'Mehta',
  'Novak',
  'Silva',
  'Berg',
  'Dubois',
  'Kowalski',
  'Larsen',
  'Meyer',
  'Nguyen',
  'Ortiz',
  'Park',
  'Quinn',
  'Reyes',
  'Schmidt',
  'Torres',
  'Weber',
  'Young',
];

const MEMBER_ROLES = ['Analyst', 'Senior analyst', 'Manager', 'Specialist', 'Engineer', 'Lead'];

type Direction = 'increase' | 'decrease' | 'stay-above' | 'stay-below';

interface Metric {
  id: string;
  label: string;
  unit: string;
  direction: Direction;
  /** Start values for increase and decrease, or the target of stay-above and stay-below. */
  range: [number, number];
  /** Decimal places of reported values. */
  decimals: number;
}

const METRICS: Metric[] = [
  {
    id: 'pipeline',
    label: 'qualified pipeline',
    unit: 'k EUR',
    direction: 'increase',
    range: [200, 2000],
    decimals: 0,
  },
  {
    id: 'sqls',
    label: 'sales-qualified leads',
    unit: 'SQLs',
    direction: 'increase',
    range: [100, 1500],
    decimals: 0,
  },
  {
    id: 'nps',
    label: 'net promoter score',
    unit: 'NPS',
    direction: 'increase',
    range: [20, 45],
    decimals: 0,
  },
  {
    id: 'conversion',
    label: 'trial conversion',
    unit: '%',
    direction: 'increase',
    range: [5, 25],
    decimals: 1,
  },
  { id: 'hires', label: 'hires', unit: 'hires', direction: 'increase', range: [0, 0], decimals: 0 },
  {
    id: 'arr',
    label: 'new annual recurring revenue',
    unit: 'k EUR',
    direction: 'increase',
    range: [0, 0],
    decimals: 0,
  },
  {
    id: 'deploys',
    label: 'weekly deployments',
    unit: 'deployments',
    direction: 'increase',
    range: [5, 40],
    decimals: 0,
  },
  {
    id: 'self-service',
    label: 'tickets solved in self-service',
    unit: '%',
    direction: 'increase',
    range: [10, 40],
    decimals: 1,
  },
  {
    id: 'churn',
    label: 'monthly churn',
    unit: '%',
    direction: 'decrease',
    range: [2, 6],
    decimals: 2,
  },
  {
    id: 'cycle',
    label: 'average sales cycle',
    unit: 'days',
    direction: 'decrease',
    range: [40, 90],
    decimals: 0,
  },
  {
    id: 'response',
    label: 'first response time',
    unit: 'hours',
    direction: 'decrease',
    range: [6, 30],
    decimals: 1,
  },
  {
    id: 'dso',
    label: 'days sales outstanding',
    unit: 'days',
    direction: 'decrease',
    range: [45, 80],
    decimals: 0,
  },
  {
    id: 'uptime',
    label: 'API uptime',
    unit: '%',
    direction: 'stay-above',
    range: [99.9, 99.9],
    decimals: 2,
  },
  {
    id: 'csat',
    label: 'customer satisfaction',
    unit: '%',
    direction: 'stay-above',
    range: [85, 92],
    decimals: 1,
  },
  {
    id: 'latency',
    label: 'p95 latency',
    unit: 'ms',
    direction: 'stay-below',
    range: [250, 400],
    decimals: 0,
  },
];

const MILESTONES = [
  'the partner portal',
  'the new pricing page',
  'single sign-on',
  'the EU data centre',
  'the customer health score',
  'the onboarding checklist',
  'the renewal playbook',
  'the usage-based plan',
];

const BOOLEANS = [
  { id: 'soc2-audit', title: 'Pass the SOC 2 audit' },
  { id: 'reseller-agreement', title: 'Sign the reseller agreement' },
  { id: 'price-list', title: 'Publish the new price list' },
  { id: 'payroll-provider', title: 'Move payroll to the new provider' },
  { id: 'budget-approval', title: 'Get board approval for the budget' },
];

const ACTIONS = [
  'Weekly review of the numbers with finance',
  'Pilot with five design-partner customers',
  'Move budget from paid search to events',
  'Runbook and on-call training',
  'Backfill the two open positions',
  'Dashboard for the account managers',
  'Retire the old import job',
];

const CAUSES = [
  'The budget moved to another campaign without telling the team.',
  'Two engineers left in the same month.',
  'The vendor delivered the integration six weeks late.',
  'Demand was lower than the plan assumed.',
  'A pricing change confused existing customers.',
  'The holiday season slowed every approval.',
];

const NOTES = [
  'Best week of the quarter so far.',
  'Flat week; the team focused on the release.',
  'Two large deals slipped into next month.',
  'The new process is starting to show.',
  'Numbers include the backlog from last week.',
  'Slower than planned, but the trend is right.',
];

/** Lower-case slug of a name, as ids need it. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-+|-+$/g, '');
}

const DAY_MS = 86_400_000;
const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

interface Period {
  id: string;
  name: string;
  start: string;
  end: string;
}

/** Lists the `count` quarters that end with the one containing `asOf`, oldest first. */
export function quartersUpTo(asOf: string, count: number): Period[] {
  let year = Number(asOf.slice(0, 4));
  let quarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
  const periods: Period[] = [];
  for (let index = 0; index < count; index += 1) {
    const firstMonth = (quarter - 1) * 3 + 1;
    const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
    const nextStart =
      quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
    periods.unshift({
      id: `${year}-q${quarter}`,
      name: `Q${quarter} ${year}`,
      start,
      end: addDays(nextStart, -1),
    });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return periods;
}

interface Team {
  id: string;
  name: string;
  parent?: string;
  area: Area | undefined;
  depth: number;
  people: string[];
}

interface KeyResult {
  id: string;
  title: string;
  owner: string;
  type: 'metric' | 'milestone' | 'boolean';
  direction: Direction;
  start?: number;
  target?: number;
  unit?: string;
  weight?: number;
  grade?: { score: number; note: string };
  /** Final progress of the key result in the synthetic story, from about 0.2 to 1.25. */
  fate: number;
  /** Exponent of the progress curve: above 1 starts slow, below 1 starts fast. */
  curve: number;
  decimals: number;
}

interface Objective {
  id: string;
  slug: string;
  title: string;
  team: Team;
  period: Period;
  owner: string;
  parent?: string;
  theme?: string;
  keyResults: KeyResult[];
}

/** Writes the generated files and keeps the counts and the running hash. */
class ContentWriter {
  readonly folder: string;
  readonly hash = createHash('sha256');
  files = 0;
  bytes = 0;

  constructor(folder: string) {
    this.folder = folder;
  }

  /** Writes a Markdown file with `data` as its YAML frontmatter. */
  write(relativePath: string, data: Record<string, unknown>, body = ''): void {
    const frontmatter = stringify(data, { lineWidth: 0 });
    this.writeText(relativePath, `---\n${frontmatter}---\n${body ? `${body}\n` : ''}`);
  }

  writeText(relativePath: string, text: string): void {
    const file = path.join(this.folder, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    this.hash.update(`${relativePath}\0${text}\0`);
    this.files += 1;
    this.bytes += Buffer.byteLength(text);
  }
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function buildTeams(count: number): Team[] {
  const teams: Team[] = [{ id: 'company', name: COMPANY, area: undefined, depth: 0, people: [] }];
  const used = new Set(['company']);
  const perArea = new Map<string, number>();
  for (let index = 1; index < count; index += 1) {
    const parent = teams[Math.floor((index - 1) / BRANCHING)]!;
    let name: string;
    let area: Area;
    if (parent.depth === 0 && index <= AREAS.length) {
      area = AREAS[index - 1]!;
      name = area.name;
    } else {
      area = parent.area ?? AREAS[0]!;
      const rank = perArea.get(area.id) ?? 0;
      perArea.set(area.id, rank + 1);
      const unit = area.units[rank % area.units.length]!;
      const round = Math.floor(rank / area.units.length);
      name = round === 0 ? unit : `${unit} ${REGIONS[(round - 1) % REGIONS.length]}`;
      if (round > REGIONS.length) name += ` ${Math.ceil(round / REGIONS.length)}`;
    }
    let id = slugify(name);
    for (let suffix = 2; used.has(id); suffix += 1) id = `${slugify(name)}-${suffix}`;
    used.add(id);
    teams.push({ id, name, parent: parent.id, area, depth: parent.depth + 1, people: [] });
  }
  return teams;
}

function personName(index: number): { id: string; name: string } {
  const size = FIRST_NAMES.length;
  const first = FIRST_NAMES[index % size]!;
  // (index mod size, (index div size + index) mod size) is a different pair for each index
  // below size², so names repeat only beyond 1,600 people, and then get a number.
  const last = LAST_NAMES[(Math.floor(index / size) + index) % LAST_NAMES.length]!;
  const repeat = Math.floor(index / (size * LAST_NAMES.length));
  const name = repeat === 0 ? `${first} ${last}` : `${first} ${last} ${repeat + 1}`;
  return { id: slugify(name), name };
}

function buildKeyResults(random: Random, owners: string[], closed: boolean): KeyResult[] {
  const keyResults: KeyResult[] = [];
  const used = new Set<string>();
  const metrics = random.sample(METRICS, METRICS.length);
  for (let slot = 0; slot < KEY_RESULTS_PER_OBJECTIVE; slot += 1) {
    const roll = random.next();
    const base = {
      owner: random.pick(owners),
      fate: random.between(0.2, 1.25),
      curve: random.between(0.7, 1.5),
    };
    let keyResult: KeyResult;
    if (roll < 0.12) {
      const thing = random.pick(MILESTONES);
      keyResult = {
        ...base,
        id: slugify(`launch ${thing.replace(/^the /, '')}`),
        title: `Launch ${thing}`,
        type: 'milestone',
        direction: 'increase',
        decimals: 2,
      };
    } else if (roll < 0.17) {
      const { id, title } = random.pick(BOOLEANS);
      keyResult = {
        ...base,
        id,
        title,
        type: 'boolean',
        direction: 'increase',
        decimals: 0,
      };
    } else {
      const metric = metrics.pop() ?? random.pick(METRICS);
      keyResult = { ...base, ...metricKeyResult(random, metric), type: 'metric' };
    }
    for (let suffix = 2; used.has(keyResult.id); suffix += 1) {
      keyResult.id = `${keyResult.id.replace(/-\d+$/, '')}-${suffix}`;
    }
    used.add(keyResult.id);
    if (random.chance(0.12)) keyResult.weight = 2;
    if (closed && random.chance(0.06)) {
      keyResult.grade = {
        score: round(clamp(keyResult.fate - 0.1, 0, 1), 1),
        note: `${paragraph(random, 1, 1).replaceAll('**', '')}`,
      };
    }
    keyResults.push(keyResult);
  }
  return keyResults;
}

function metricKeyResult(
  random: Random,
  metric: Metric,
): Pick<KeyResult, 'id' | 'title' | 'direction' | 'start' | 'target' | 'unit' | 'decimals'> {
  const [low, high] = metric.range;
  const unitText = metric.unit === '%' ? '%' : ` ${metric.unit}`;
  const common = { id: metric.id, direction: metric.direction, unit: metric.unit };
  const decimals = metric.decimals;
  switch (metric.direction) {
    case 'increase': {
      const start = high === 0 ? 0 : round(random.between(low, high), decimals);
      const target =
        start === 0
          ? random.int(5, 60) * (metric.unit === 'k EUR' ? 25 : 1)
          : round(start * random.between(1.3, 2.2), decimals);
      const title = `Raise ${metric.label} from ${start} to ${target}${unitText}`;
      return { ...common, title, start, target, decimals };
    }
    case 'decrease': {
      const start = round(random.between(low, high), decimals);
      const target = round(start * random.between(0.5, 0.8), decimals);
      const title = `Cut ${metric.label} from ${start} to ${target}${unitText}`;
      return { ...common, title, start, target, decimals };
    }
    case 'stay-above':
    case 'stay-below': {
      const target = round(random.between(low, high), decimals);
      const side = metric.direction === 'stay-above' ? 'above' : 'below';
      const title = `Keep ${metric.label} at or ${side} ${target}${unitText}`;
      return { ...common, title, target, decimals };
    }
  }
}

/** Reports a key result's value at `fraction` of its period, following its fate and curve. */
function valueAt(
  random: Random,
  keyResult: KeyResult,
  fraction: number,
): number | string | boolean {
  const progress = keyResult.fate * fraction ** keyResult.curve + random.between(-0.04, 0.04);
  if (keyResult.type === 'milestone') {
    const done = clamp(Math.round(progress * 20) / 20, 0, 1);
    return done >= 1 ? 'done' : done;
  }
  if (keyResult.type === 'boolean') return progress >= 1 ? 'done' : false;
  const { start = 0, target = 0, decimals } = keyResult;
  switch (keyResult.direction) {
    case 'increase':
    case 'decrease':
      return round(start + progress * (target - start), decimals);
    case 'stay-above':
    case 'stay-below': {
      // Met more often the better the fate, by a margin of up to 2% of the target.
      const met = random.next() < keyResult.fate - 0.1;
      const sign = (keyResult.direction === 'stay-above') === met ? 1 : -1;
      const margin = Math.max(target * random.between(0.0002, 0.02), 10 ** -decimals);
      const value = round(target + sign * margin, decimals);
      return keyResult.unit === '%' ? Math.min(100, value) : value;
    }
  }
}

function frontmatterOf(keyResult: KeyResult): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: keyResult.id,
    title: keyResult.title,
    owner: keyResult.owner,
    type: keyResult.type,
  };
  if (keyResult.type === 'metric') {
    data.direction = keyResult.direction;
    if (keyResult.start !== undefined) data.start = keyResult.start;
    data.target = keyResult.target;
    data.unit = keyResult.unit;
  }
  if (keyResult.weight !== undefined) data.weight = keyResult.weight;
  if (keyResult.grade) data.grade = keyResult.grade;
  return data;
}

/**
 * Writes a synthetic organisation into `folder`, after emptying it. Returns what it wrote. The
 * content is valid, raises only warnings (some key results of the open quarter go stale), and
 * depends only on the options.
 */
export function generateContent(folder: string, options: GenerateOptions): GeneratedContent {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const { asOf } = options;
  rmSync(folder, { recursive: true, force: true });
  const writer = new ContentWriter(folder);

  writer.writeText('config.yaml', `company: ${COMPANY}\n`);

  const periods = quartersUpTo(asOf, QUARTERS);
  for (const period of periods) {
    writer.write(
      `periods/${period.id}.md`,
      { name: period.name, start: period.start, end: period.end },
      periodBody(random, period.name),
    );
  }

  const teams = buildTeams(
    Math.max(AREAS.length + 1, Math.round(TEAMS_AT_SCALE_1 * options.scale)),
  );
  let personIndex = 0;
  const peoplePerTeam = 4;
  for (const team of teams) {
    for (let member = 0; member < peoplePerTeam; member += 1) {
      const person = personName(personIndex);
      personIndex += 1;
      team.people.push(person.id);
      let role: string;
      if (member > 0) role = random.pick(MEMBER_ROLES);
      else if (team.depth === 0) role = 'Chief executive officer';
      else if (team.depth === 1) role = `VP ${team.name}`;
      else role = `Head of ${team.name}`;
      const data: Record<string, unknown> = { name: person.name, team: team.id, role };
      if (random.chance(0.8)) data.email = `${person.id}@example.com`;
      writer.write(`people/${person.id}.md`, data);
    }
  }
  for (const team of teams) {
    const data: Record<string, unknown> = { name: team.name };
    if (team.parent) data.parent = team.parent;
    data.lead = team.people[0];
    data.area = team.area?.id ?? 'executive';
    writer.write(`teams/${team.id}.md`, data, teamBody(random, team.name));
  }

  let keyResultCount = 0;
  let checkInCount = 0;
  let actionCount = 0;
  for (const period of periods) {
    const open = period.start <= asOf && asOf <= period.end;
    const closed = period.end < asOf;
    const byTeam = new Map<string, Objective[]>();

    for (const [teamIndex, team] of teams.entries()) {
      const titles =
        team.area === undefined
          ? random.sample(COMPANY_OBJECTIVES, OBJECTIVES_PER_TEAM)
          : random
              .sample(team.area.objectives, OBJECTIVES_PER_TEAM)
              .map((title) => ({ title, theme: undefined }));
      const parentObjectives = team.parent ? (byTeam.get(team.parent) ?? []) : [];
      const objectives = titles.map(({ title, theme }, index): Objective => {
        const slug = slugify(title);
        const objective: Objective = {
          id: `${period.id}/${team.id}/${slug}`,
          slug,
          title,
          team,
          period,
          owner: team.people[0]!,
          keyResults: buildKeyResults(random, team.people, closed),
        };
        // Objectives align to an objective of the parent team, except some that stand alone.
        // Company objectives carry the themes, and some aligned objectives inherit them.
        const parent = parentObjectives[(index + teamIndex) % parentObjectives.length];
        if (parent && random.chance(0.9)) {
          objective.parent = parent.id;
          if (parent.theme && random.chance(0.5)) objective.theme = parent.theme;
        }
        if (theme) objective.theme = theme;
        return objective;
      });
      byTeam.set(team.id, objectives);

      for (const objective of objectives) {
        keyResultCount += objective.keyResults.length;
        const data: Record<string, unknown> = {
          title: objective.title,
          period: period.id,
          team: team.id,
          owner: objective.owner,
        };
        if (objective.parent) data.parent = objective.parent;
        if (objective.theme) data.theme = objective.theme;
        data.keyResults = objective.keyResults.map(frontmatterOf);
        writer.write(`objectives/${objective.id}.md`, data, objectiveBody(random));
        checkInCount += writeCheckIns(writer, random, objective, asOf, open);
        actionCount += writeActions(writer, random, objective, asOf, open);
      }
    }
  }

  return {
    teams: teams.length,
    people: personIndex,
    periods: periods.length,
    objectives: periods.length * teams.length * OBJECTIVES_PER_TEAM,
    keyResults: keyResultCount,
    checkIns: checkInCount,
    actions: actionCount,
    files: writer.files,
    bytes: writer.bytes,
    sha256: writer.hash.digest('hex'),
  };
}

/** Writes the weekly check-ins of an objective up to the as-of day, and returns their number. */
function writeCheckIns(
  writer: ContentWriter,
  random: Random,
  objective: Objective,
  asOf: string,
  open: boolean,
): number {
  const { period } = objective;
  const length = daysBetween(period.start, period.end);
  // Some objectives of the open quarter stop checking in after a month, so they go stale.
  const stopsAfter = open && random.chance(0.04) ? addDays(period.start, 30) : period.end;
  let count = 0;
  for (let day = addDays(period.start, random.int(0, 6)); ; day = addDays(day, 7)) {
    if (day > period.end || day > asOf || day > stopsAfter) break;
    const fraction = daysBetween(period.start, day) / length;
    const updated = objective.keyResults.filter(() => random.chance(0.85));
    if (updated.length === 0) updated.push(random.pick(objective.keyResults));
    const updates = updated.map((keyResult) => {
      const update: Record<string, unknown> = {
        keyResult: keyResult.id,
        value: valueAt(random, keyResult, fraction),
      };
      if (random.chance(0.7)) {
        const expected = keyResult.fate - 0.6;
        update.confidence = clamp(Math.round(6 + 6 * expected + random.between(-1.5, 1.5)), 0, 10);
      }
      if (random.chance(0.25)) update.note = random.pick(NOTES);
      return update;
    });
    writer.write(
      `checkins/${objective.id}/${day}.md`,
      {
        date: day,
        author: random.pick([objective.owner, ...objective.keyResults.map((item) => item.owner)]),
        objective: objective.id,
        updates,
      },
      checkInBody(random),
    );
    count += 1;
  }
  return count;
}

/** Writes a corrective plan or an initiative for some objectives, and returns their number. */
function writeActions(
  writer: ContentWriter,
  random: Random,
  objective: Objective,
  asOf: string,
  open: boolean,
): number {
  if (!random.chance(open ? 0.15 : 0.08)) return 0;
  const { period } = objective;
  const corrective = random.chance(0.7);
  const served = random.sample(objective.keyResults, random.int(1, 2));
  const started = addDays(period.start, random.int(14, 60));
  const due = addDays(started, random.int(14, 42));
  let status: string;
  if (!open) status = random.chance(0.85) ? 'done' : 'cancelled';
  else if (due < asOf) status = random.pick(['done', 'in-progress', 'blocked']);
  else status = random.pick(['planned', 'in-progress']);

  const data: Record<string, unknown> = {
    title: random.pick(ACTIONS),
    kind: corrective ? 'corrective' : 'initiative',
    objective: objective.id,
    keyResults: served.map((keyResult) => keyResult.id),
    owner: random.pick(objective.team.people),
    started,
    due,
    status,
  };
  if (corrective) {
    data.deviation = `"${served[0]!.title}" was ${random.int(10, 40)}% behind the expected line in week ${random.int(2, 8)}.`;
    data.cause = random.pick(CAUSES);
  }
  const slug = slugify(`${objective.team.id} ${objective.slug}`);
  writer.write(`actions/${period.id}/${slug}.md`, data, actionBody(random));
  return 1;
}

// Markdown bodies for synthetic content: paragraphs, lists, tables, links and emphasis built from
// business sentences, so that Astro's Markdown pipeline and Pagefind get text of realistic shape
// and length. Every function draws from the Random it is given, in a fixed order.
import type { Random } from './random.ts';

const SUBJECTS = [
  'the team',
  'our largest customers',
  'the new onboarding flow',
  'the partner channel',
  'the weekly review',
  'the pricing change',
  'the support rota',
  'the data pipeline',
  'the hiring plan',
  'the quarterly forecast',
  'the self-serve trial',
  'the migration',
];

const VERBS = [
  'moved faster than planned',
  'slipped by about a week',
  'needs a decision from leadership',
  'depends on the platform release',
  'is now on the critical path',
  'freed two people for the rest of the quarter',
  'brought more demand than we can serve',
  'showed that the first estimate was optimistic',
  'is blocked on a contract review',
  'cut the manual work in half',
];

const REASONS = [
  'because two large renewals came early',
  'because the vendor changed its API without notice',
  'since the holiday season slowed every approval',
  'because finance asked for a second review',
  'after the incident in the first week',
  'because the sales kick-off moved to the next month',
  'since we reused the templates from the last quarter',
  'because the backlog was cleaned up first',
];

const NEXT_STEPS = [
  'agree the scope with the product lead',
  'run the pilot with five customers',
  'move the budget from paid search to events',
  'write the runbook and train the on-call engineers',
  'review the numbers with finance on Friday',
  'close the two open positions',
  'ship the dashboard to the account managers',
  'retire the old import job',
  'publish the pricing page update',
  'hand the project over to operations',
];

const WIKI_PAGES = ['runbook', 'forecast', 'pricing', 'onboarding', 'retrospective', 'roadmap'];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Builds one sentence of status text. */
function sentence(random: Random): string {
  const form = random.int(0, 4);
  const subject = random.pick(SUBJECTS);
  switch (form) {
    case 0:
      return `${capitalize(subject)} ${random.pick(VERBS)}, ${random.pick(REASONS)}.`;
    case 1:
      return `We expect to ${random.pick(NEXT_STEPS)} by week ${random.int(2, 12)}.`;
    case 2:
      return `${capitalize(subject)} accounts for about ${random.int(5, 60)}% of the gap to the target.`;
    case 3:
      return `The main risk is that ${subject} ${random.pick(VERBS)}.`;
    default:
      return `Compared with last quarter, ${subject} ${random.pick(VERBS)}.`;
  }
}

/** Builds a paragraph of `min` to `max` sentences, with some emphasis and inline code. */
export function paragraph(random: Random, min = 2, max = 5): string {
  const sentences = Array.from({ length: random.int(min, max) }, () => sentence(random));
  if (random.chance(0.25)) {
    const index = random.int(0, sentences.length - 1);
    sentences[index] = `**${sentences[index]!.slice(0, -1)}.**`;
  }
  if (random.chance(0.1)) sentences.push(`The job is \`${random.pick(WIKI_PAGES)}-sync\`.`);
  return sentences.join(' ');
}

/** Builds a bullet list of next steps, numbered when `ordered`. */
function list(random: Random, ordered: boolean): string {
  return random
    .sample(NEXT_STEPS, random.int(3, 5))
    .map((step, index) => `${ordered ? `${index + 1}.` : '-'} ${capitalize(step)}.`)
    .join('\n');
}

/** Builds a small table of milestones. */
function table(random: Random): string {
  const rows = random.sample(NEXT_STEPS, 3).map((step, index) => {
    const status = random.pick(['done', 'in progress', 'planned']);
    return `| ${capitalize(step)} | week ${(index + 1) * 4} | ${status} |`;
  });
  return ['| Milestone | Due | Status |', '| --- | --- | --- |', ...rows].join('\n');
}

const link = (random: Random) => {
  const page = random.pick(WIKI_PAGES);
  return `See the [${page} page](https://wiki.example.com/${page}) for details.`;
};

/** Builds the body of an objective: why it matters, and sometimes a plan or a table. */
export function objectiveBody(random: Random): string {
  const blocks = [paragraph(random, 3, 6)];
  if (random.chance(0.5)) blocks.push(paragraph(random));
  if (random.chance(0.3)) blocks.push(`What we will do:\n\n${list(random, false)}`);
  if (random.chance(0.15)) blocks.push(table(random));
  if (random.chance(0.2)) blocks.push(link(random));
  return blocks.join('\n\n');
}

/** Builds the narrative of a check-in, or an empty body for about half of them. */
export function checkInBody(random: Random): string {
  if (random.chance(0.5)) return '';
  const blocks = [paragraph(random, 1, 4)];
  if (random.chance(0.2)) blocks.push(`Next week:\n\n${list(random, false)}`);
  return blocks.join('\n\n');
}

/** Builds a team's mission. */
export function teamBody(random: Random, name: string): string {
  return `${name} ${random.pick(['owns', 'runs', 'looks after'])} ${random.pick(SUBJECTS)} and ${random.pick(SUBJECTS)}. ${paragraph(random, 1, 3)}`;
}

/** Builds a period's focus and priorities. */
export function periodBody(random: Random, name: string): string {
  return [
    '## Focus',
    `In ${name} we focus on ${random.pick(SUBJECTS)} and ${random.pick(SUBJECTS)}. ${paragraph(random, 3, 5)}`,
    paragraph(random, 2, 4),
    '## Priorities',
    list(random, true),
  ].join('\n\n');
}

/** Builds an action's plan: numbered steps and a status paragraph. */
export function actionBody(random: Random): string {
  const blocks = [list(random, true), paragraph(random, 1, 3)];
  if (random.chance(0.3)) blocks.push(link(random));
  return blocks.join('\n\n');
}

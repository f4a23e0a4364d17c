import { stringify } from 'yaml';
import type { Edit } from './fixture.ts';
import { hostileLine, hostileMarkdown, LINE_PAYLOADS } from './xss-payloads.ts';

/** Objective whose key results each carry one payload as title, unit and check-in note. */
export const LABELS_OBJECTIVE = {
  file: 'objectives/2026-q4/sales/hostile-labels.md',
  path: '/2026-q4/sales/hostile-labels/',
};

/** Writes a content file: YAML frontmatter, which `yaml` quotes as needed, and a body. */
function contentFile(data: Record<string, unknown>, body = ''): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`;
}

/**
 * Edits of the small fixture that put payloads in every text field that the schemas accept.
 * These are the company name, the repository's branch and content path, period, team and person
 * names, person roles and avatars, objective titles and themes, key result titles and units,
 * grading notes, check-in notes, action titles, deviations and causes. The Markdown bodies of a
 * period, a team, an objective, a check-in and an action get them too. Ids stay valid, because
 * the schemas allow only lower case letters, digits and hyphens in them.
 */
export function hostileEdits(): Edit[] {
  const line = hostileLine;
  return [
    {
      file: 'config.yaml',
      content: stringify(
        {
          company: line('Hostile company'),
          repository: {
            url: 'https://github.com/fixture-co/okrs',
            branch: line('Hostile branch'),
            contentPath: line('Hostile content path'),
          },
        },
        { lineWidth: 0 },
      ),
    },
    {
      file: 'periods/2026-q4.md',
      content: contentFile(
        { name: line('Hostile period name'), start: '2026-10-01', end: '2026-12-31' },
        hostileMarkdown('Hostile period body'),
      ),
    },
    {
      file: 'teams/sales.md',
      content: contentFile(
        { name: line('Hostile team name'), parent: 'company', lead: 'sam-ortiz', area: 'sales' },
        hostileMarkdown('Hostile team body'),
      ),
    },
    {
      file: 'people/sam-ortiz.md',
      content: contentFile({
        name: line('Hostile person name'),
        team: 'sales',
        role: line('Hostile role'),
        avatar: line('Hostile avatar'),
      }),
    },
    {
      file: 'objectives/2026-q4/sales/more-customers.md',
      content: contentFile(
        {
          title: line('Hostile objective title'),
          period: '2026-q4',
          team: 'sales',
          owner: 'sam-ortiz',
          parent: '2026-q4/company/grow',
          theme: line('Hostile theme'),
          keyResults: [
            {
              id: 'leads',
              title: line('Hostile metric title'),
              owner: 'sam-ortiz',
              start: 0,
              target: 1000,
              unit: line('Hostile unit'),
            },
            {
              id: 'cycle',
              title: line('Hostile decrease title'),
              owner: 'sam-ortiz',
              direction: 'decrease',
              start: 50,
              target: 30,
              unit: 'days',
            },
            {
              id: 'launch',
              title: line('Hostile milestone title'),
              owner: 'sam-ortiz',
              type: 'milestone',
            },
          ],
        },
        hostileMarkdown('Hostile objective body'),
      ),
    },
    {
      file: 'objectives/2026-q3/sales/q3-pipeline.md',
      find: 'note: Churn stayed above 2% until the last month, when the onboarding fix landed.',
      replace: `note: ${JSON.stringify(line('Hostile grading note'))}`,
    },
    {
      file: LABELS_OBJECTIVE.file,
      content: contentFile({
        title: 'Hostile labels, one payload per key result',
        period: '2026-q4',
        team: 'sales',
        owner: 'sam-ortiz',
        parent: '2026-q4/company/grow',
        keyResults: LINE_PAYLOADS.map((payload) => ({
          id: payload.id,
          title: payload.text,
          owner: 'sam-ortiz',
          start: 0,
          target: 10,
          unit: payload.text,
        })),
      }),
    },
    {
      file: 'checkins/2026-q4/hostile-labels/2026-11-06.md',
      content: contentFile(
        {
          date: '2026-11-06',
          author: 'sam-ortiz',
          objective: '2026-q4/sales/hostile-labels',
          updates: LINE_PAYLOADS.map((payload) => ({
            keyResult: payload.id,
            value: 5,
            confidence: 5,
            note: payload.text,
          })),
        },
        hostileMarkdown('Hostile check-in body'),
      ),
    },
    {
      file: 'checkins/2026-q4/2026-11-13.md',
      content: contentFile(
        {
          date: '2026-11-13',
          author: 'sam-ortiz',
          objective: '2026-q4/sales/more-customers',
          updates: [
            { keyResult: 'leads', value: 400, confidence: 7, note: line('Hostile note') },
            { keyResult: 'cycle', value: 45, confidence: 5 },
            { keyResult: 'launch', value: 0.5, confidence: 3, note: line('Hostile launch note') },
          ],
        },
        // The hostile-labels check-in has the hostile body, and a second would only add drawing
        // time.
      ),
    },
    {
      file: 'actions/partner-push.md',
      content: contentFile(
        {
          title: line('Hostile action title'),
          kind: 'corrective',
          objective: '2026-q4/sales/more-customers',
          keyResults: ['launch'],
          owner: 'sam-ortiz',
          started: '2026-11-02',
          due: '2026-11-10',
          status: 'in-progress',
          deviation: line('Hostile deviation'),
          cause: line('Hostile cause'),
        },
        hostileMarkdown('Hostile action body'),
      ),
    },
  ];
}

import type { PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { ACTION_STATUS_LABELS } from './actions.ts';
import { BAND_LABELS, formatDay, formatPercent, formatScore, formatValue } from './format.ts';
import type { Portal } from './portal.ts';
import { describeVerdict, type GradedKeyResult, type Retrospective } from './retrospective.ts';
import { linkTo, paths, type LinkBase } from './urls.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const heading = (depth: 1 | 2, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
const paragraph = (...children: PhrasingContent[]): RootContent => ({
  type: 'paragraph',
  children,
});

function table(header: string[], rows: PhrasingContent[][]): Table {
  const row = (cells: PhrasingContent[]) => ({
    type: 'tableRow' as const,
    children: cells.map((cell): TableCell => ({ type: 'tableCell', children: [cell] })),
  });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [row(header.map(text)), ...rows.map(row)],
  };
}

function list(items: PhrasingContent[][]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children }],
    })),
  };
}

/**
 * Writes a closed period's retrospective as standalone GitHub-flavoured Markdown, for posting in a
 * wiki or a chat. Content text goes through mdast, so that characters such as `|`, `*` or `<` in
 * a title are escaped and cannot break a table or add markup.
 */
export function retrospectiveMarkdown(
  portal: Portal,
  retrospective: Retrospective,
  narrative: string | undefined,
  location: LinkBase,
): string {
  const href = (path: string) => linkTo(location, path);
  const link = (label: string, path: string): PhrasingContent => ({
    type: 'link',
    url: href(path),
    children: [text(label)],
  });
  const { period } = retrospective;
  const teamName = (id: string) => portal.teamById.get(id)?.name ?? id;
  const personName = (id: string) => portal.personById.get(id)?.name ?? id;
  const grade = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
  const keyResultLine = (graded: GradedKeyResult): PhrasingContent[] => [
    link(graded.keyResult.title, paths.keyResultPage(graded.objective, graded.keyResult.id)),
    text(
      ` (${teamName(graded.objective.team)}): grade ${grade(graded.grade)}, ended at ${formatValue(graded.keyResult, graded.value)}`,
    ),
  ];

  const children: RootContent[] = [
    heading(1, `${period.name} retrospective`),
    paragraph(
      text(
        `${portal.config.company} · ${formatDay(period.start)} to ${formatDay(period.end)} · graded as of ${formatDay(portal.asOf)}`,
      ),
    ),
  ];
  if (portal.hidden.periods.has(period.id)) {
    children.push(
      paragraph(text('Some objectives are private and not shown here; the scores leave them out.')),
    );
  }
  if (retrospective.average !== undefined) {
    children.push(
      paragraph(
        strong(`Average score ${formatScore(retrospective.average)}`),
        text(`: ${describeVerdict(retrospective, portal.config.grades)}`),
      ),
    );
  }

  children.push(
    heading(2, 'Grades'),
    table(
      ['Objective', 'Key result', 'Team', 'Owner', 'Grade', 'Band'],
      retrospective.objectives.flatMap((graded) => [
        [
          link(graded.objective.title, paths.objective(graded.objective)),
          text(''),
          text(teamName(graded.objective.team)),
          text(personName(graded.objective.owner)),
          strong(grade(graded.grade)),
          text(graded.band ? BAND_LABELS[graded.band] : '–'),
        ],
        ...graded.keyResults.map((keyResult) => [
          text(''),
          link(
            keyResult.keyResult.title,
            paths.keyResultPage(graded.objective, keyResult.keyResult.id),
          ),
          text(''),
          text(personName(keyResult.keyResult.owner)),
          text(`${grade(keyResult.grade)}${keyResult.handGraded ? ' (graded by hand)' : ''}`),
          text(BAND_LABELS[keyResult.band]),
        ]),
      ]),
    ),
    heading(2, 'Distribution of grades'),
    table(
      ['Grade', 'Objectives', 'Key results'],
      retrospective.distribution.map((row) => [
        text(row.grade.toFixed(1)),
        text(String(row.objectives)),
        text(String(row.keyResults)),
      ]),
    ),
    heading(2, 'Achieved'),
    retrospective.achieved.length > 0
      ? list(retrospective.achieved.map(keyResultLine))
      : paragraph(text('No key result reached the green band.')),
    heading(2, 'Missed'),
    retrospective.missed.length > 0
      ? list(retrospective.missed.map(keyResultLine))
      : paragraph(text('No key result ended in the red band.')),
    heading(2, 'Compared with earlier periods'),
    table(
      ['Period', 'Average score'],
      retrospective.trend.map((row) => [
        link(row.period.name, paths.retrospective(row.period.id)),
        text(formatScore(row.average)),
      ]),
    ),
    heading(2, 'Carried over'),
    retrospective.carriedOver.length > 0
      ? list(
          retrospective.carriedOver.map(({ from, to }) => [
            link(from.title, paths.objective(from)),
            text(' continues as '),
            link(to.title, paths.objective(to)),
            text(` in ${portal.periodById.get(to.period)?.name ?? to.period}`),
          ]),
        )
      : paragraph(text('No objective of this period carries over into a later one.')),
    heading(2, 'Corrective actions'),
  );

  if (retrospective.actions.length > 0) {
    children.push(
      table(
        ['Action', 'Owner', 'Status', 'Key results since it started'],
        retrospective.actions.map(({ action, keyResults }) => [
          link(action.title, paths.action(action)),
          text(personName(action.owner)),
          text(ACTION_STATUS_LABELS[action.status]),
          text(
            keyResults.length === 0
              ? 'not started'
              : keyResults
                  .map(
                    (row) =>
                      `${row.keyResult.title}: ${formatPercent(row.progressBefore)} → ${formatPercent(row.progressAfter)}`,
                  )
                  .join('; '),
          ),
        ]),
      ),
    );
  } else {
    children.push(paragraph(text('No corrective action was needed.')));
  }

  const root: Root = { type: 'root', children };
  const generated = toMarkdown(root, {
    bullet: '-',
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  });
  const body = narrative?.trim();
  // The narrative is the period's own Markdown, so it is appended as written.
  return body ? `${generated}\n## Narrative\n\n${body}\n` : generated;
}

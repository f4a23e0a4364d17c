import type { OkrDiff } from './diff.ts';
import { formatScore, formatValue, STATUS_LABELS } from './format.ts';
import type { KeyResult, Objective } from './model.ts';

/** First line of the comment, so that CI can find and update its earlier comment. */
export const DIFF_MARKER = '<!-- okr-portal-diff -->';

/**
 * Escapes content text so that GitHub shows it as written, inside a table cell or a list item:
 * no link, image, HTML tag or comment (such as a fake {@link DIFF_MARKER}), emphasis or cell
 * break. A bare URL still becomes a link to itself, as GitHub links every URL in text.
 */
function escapeText(text: string): string {
  return text.replaceAll(/[\\`*_[\]<>!|~#&]/g, '\\$&').replaceAll(/\r?\n/g, ' ');
}

const cell = escapeText;

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

const objectiveLabel = (objective: Objective) =>
  `${objective.title} (${objective.period}, ${objective.team})`;

const value = (keyResult: KeyResult, number: number | undefined) => formatValue(keyResult, number);

/** Renders a diff as Markdown, ready to post as a pull-request comment. */
export function renderDiff(diff: OkrDiff, asOf: string): string {
  const counts = [
    [diff.addedObjectives.length, 'objective added', 'objectives added'],
    [diff.removedObjectives.length, 'objective removed', 'objectives removed'],
    [diff.addedKeyResults.length, 'key result added', 'key results added'],
    [diff.removedKeyResults.length, 'key result removed', 'key results removed'],
    [diff.targetChanges.length, 'target changed', 'targets changed'],
    [diff.newCheckIns.length, 'new check-in', 'new check-ins'],
    [diff.statusChanges.length, 'status change', 'status changes'],
  ] as const;
  const summary = counts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);

  const lines = [DIFF_MARKER, '## OKR changes', ''];
  if (summary.length === 0) {
    lines.push('This change does not touch any objective, key result or check-in.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${summary.join(', ')}. Scores as of ${asOf}.`, '');

  if (diff.targetChanges.length > 0) {
    lines.push('### ⚠️ Changed targets', '');
    lines.push('Reviewers: a changed target changes every score computed from it.', '');
    lines.push(
      ...table(
        ['Objective', 'Key result', 'Target'],
        diff.targetChanges.map(({ objective, keyResult, before, from, to }) => [
          objectiveLabel(objective),
          keyResult.title,
          `${value(before, from)} → ${value(keyResult, to)}`,
        ]),
      ),
      '',
    );
  }

  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`### ${heading}`, '', ...items.map((item) => `- ${escapeText(item)}`), '');
  };
  list(
    'Objectives added',
    diff.addedObjectives.map(
      (objective) => `${objectiveLabel(objective)}, ${objective.keyResults.length} key results`,
    ),
  );
  list('Objectives removed', diff.removedObjectives.map(objectiveLabel));
  list(
    'Key results added',
    diff.addedKeyResults.map(
      ({ objective, keyResult }) => `${keyResult.title}, in ${objectiveLabel(objective)}`,
    ),
  );
  list(
    'Key results removed',
    diff.removedKeyResults.map(
      ({ objective, keyResult }) => `${keyResult.title}, in ${objectiveLabel(objective)}`,
    ),
  );

  if (diff.newCheckIns.length > 0) {
    lines.push('### New check-ins', '');
    lines.push(
      ...table(
        ['Date', 'Objective', 'Key result', 'Value', 'Score'],
        diff.newCheckIns.flatMap(({ checkIn, objective, updates }) =>
          updates.map((update) => [
            checkIn.date,
            objective.title,
            update.keyResult.title,
            `${value(update.keyResult, update.valueBefore)} → ${value(update.keyResult, update.valueAfter)}`,
            `${formatScore(update.scoreBefore)} → ${formatScore(update.scoreAfter)}`,
          ]),
        ),
      ),
      '',
    );
  }

  if (diff.statusChanges.length > 0) {
    lines.push('### Status changes', '');
    lines.push(
      ...table(
        ['Objective', 'Key result', 'Status'],
        diff.statusChanges.map(({ objective, keyResult, from, to }) => [
          objectiveLabel(objective),
          keyResult?.title ?? '(the objective)',
          `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`,
        ]),
      ),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

import { formatProblem, type Problem } from './problem.ts';

/** Escapes text for a GitHub Actions workflow command, as its toolkit does. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * Formats a problem as a GitHub Actions workflow command (`::error file=…,line=…::…`), which
 * shows it inline on the pull request's changed file.
 */
export function formatAnnotation(problem: Problem): string {
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(problem.rule)}`,
  ].join(',');
  const message = problem.field ? `${problem.field} ${problem.message}` : problem.message;
  return `::${problem.severity} ${properties}::${escapeData(message)}`;
}

/** Formats every problem, one per line, followed by a summary line. */
export function formatReport(problems: Problem[], fileCount: number, annotations: boolean): string {
  const lines = problems.map(formatProblem);
  if (annotations) lines.push(...problems.map(formatAnnotation));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`,
  );
  return `${lines.join('\n')}\n`;
}

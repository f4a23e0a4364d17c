/** A problem found in the content: where it is, how bad it is and how to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root, with `/` separators. */
  file: string;
  /** 1-based line of the offending frontmatter key, or of the frontmatter's opening `---`. */
  line: number;
  /** 1-based column of that key. */
  column: number;
  severity: 'error' | 'warning';
  /** Short, stable id of the rule that found the problem, such as `schema` or `reference`. */
  rule: string;
  /** The field, such as `keyResults[1].target`, or empty for the whole file. */
  field: string;
  /** Sentence on what is wrong and how to fix it. */
  message: string;
}

/** Formats a problem as `file:line:column  severity  field message  (rule)`. */
export function formatProblem(problem: Problem): string {
  const subject = problem.field ? `${problem.field} ${problem.message}` : problem.message;
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${subject}  (${problem.rule})`;
}

/** Formats a frontmatter path such as `['keyResults', 1, 'target']` as `keyResults[1].target`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** Sorts problems by file, then line, then column, so that output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

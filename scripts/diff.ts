// Summarises in Markdown what a change does to the OKRs between two git revisions:
// `npm run diff -- <base> [<head>]`. Without <head>, it compares with the working tree.
import { rm } from 'node:fs/promises';
import { resolveAsOf } from '../src/lib/as-of.ts';
import { loadContent } from '../src/lib/content/load.ts';
import { formatProblem } from '../src/lib/content/problem.ts';
import { checkoutContent } from '../src/lib/content/snapshot.ts';
import { diffSnapshots, type Snapshot } from '../src/lib/diff.ts';
import { DIFF_MARKER, renderDiff } from '../src/lib/diff-markdown.ts';
import { scorePortfolio } from '../src/lib/score/engine.ts';
import { resolveContentDir } from '../src/lib/settings.ts';

const usage = `Usage: npm run diff -- <base> [<head>]

Prints, as Markdown, the objectives and key results added or removed, changed targets, new
check-ins and status changes between two git revisions (head defaults to the working tree).
Scores are computed as of OKR_AS_OF (default: today).`;

const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2 || args.some((arg) => arg.startsWith('-'))) {
  process.stderr.write(`${usage}\n`);
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}
const [base, head] = args as [string, string | undefined];

/** Content that cannot be compared, with the Markdown that explains why. */
class InvalidContent extends Error {}

/** Loads and scores the content of a folder; throws {@link InvalidContent} on content errors. */
async function snapshot(folder: string, label: string, asOf: string): Promise<Snapshot> {
  const result = await loadContent(folder, { root: folder, asOf, history: false });
  if (!result.model) {
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    const listing = errors.map(formatProblem).join('\n');
    throw new InvalidContent(
      `${DIFF_MARKER}\n## OKR changes\n\nThe content at ${label} has ${errors.length === 1 ? '1 error' : `${errors.length} errors`}, so this change cannot be compared. \`npm run check\` lists them:\n\n\`\`\`text\n${listing}\n\`\`\`\n`,
    );
  }
  return { model: result.model, scorecard: scorePortfolio(result.model, result.config, asOf) };
}

try {
  const asOf = resolveAsOf(process.env.OKR_AS_OF);
  const contentDir = resolveContentDir(process.cwd());
  const baseFolder = await checkoutContent(contentDir, base);
  const headFolder = head ? await checkoutContent(contentDir, head) : contentDir;
  try {
    const before = await snapshot(baseFolder, base, asOf);
    const after = await snapshot(headFolder, head ?? 'the working tree', asOf);
    process.stdout.write(renderDiff(diffSnapshots(before, after), asOf));
  } finally {
    await rm(baseFolder, { recursive: true, force: true });
    if (head) await rm(headFolder, { recursive: true, force: true });
  }
} catch (error) {
  if (error instanceof InvalidContent) {
    process.stdout.write(error.message);
    process.exit(1);
  }
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

// Validates all content without building the site: `npm run check`.
// Prints every problem as `file:line:column  severity  message  (rule)`, plus GitHub Actions
// annotations when GITHUB_ACTIONS=true, and exits with status 1 when any problem is an error.
import { resolveAsOf } from '../src/lib/as-of.ts';
import { loadContent } from '../src/lib/content/load.ts';
import { formatReport } from '../src/lib/content/report.ts';
import { resolveContentDir } from '../src/lib/settings.ts';

const usage = `Usage: npm run check [-- <content folder>]

Validates the content folder (default: OKR_CONTENT_DIR, else content/) as of OKR_AS_OF
(default: today).`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.length > 1) {
  process.stdout.write(`${usage}\n`);
  process.exit(args.length > 1 ? 2 : 0);
}

let asOf: string;
try {
  asOf = resolveAsOf(process.env.OKR_AS_OF);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

const root = process.cwd();
const contentDir = resolveContentDir(root, args[0] ?? process.env.OKR_CONTENT_DIR);
const result = await loadContent(contentDir, { root, asOf });
const annotations = process.env.GITHUB_ACTIONS === 'true';
process.stdout.write(formatReport(result.problems, result.fileCount, annotations));
process.exitCode = result.problems.some((problem) => problem.severity === 'error') ? 1 : 0;

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { mutateFixture, type Edit } from '../support/fixture.ts';
import { readPage, text } from '../support/html.ts';

/**
 * Marker strings, one per place where a private objective's content could surface: ids, titles,
 * themes, key results, bodies, a Mermaid block, check-in notes and actions. They are lower-case
 * letters only, so that no escaping or Pagefind's lower-casing can hide them from the scan.
 */
const MARKERS = {
  slug: 'privmarkslug',
  title: 'privmarktitle',
  theme: 'privmarktheme',
  keyResult: 'privmarkkeyresult',
  body: 'privmarkbody',
  mermaid: 'privmarkmermaid',
  checkInFolder: 'privmarkcheckinfolder',
  note: 'privmarknote',
  checkInBody: 'privmarkcheckinbody',
  action: 'privmarkactiontitle',
  actionFile: 'privmarkactionfile',
  closedTitle: 'privmarkclosedtitle',
  closedKeyResult: 'privmarkclosedkeyresult',
  parentTitle: 'privmarkparenttitle',
};

const PRIVATE_OBJECTIVE = `2026-q4/sales/${MARKERS.slug}`;

const EDITS: Edit[] = [
  {
    file: `objectives/${PRIVATE_OBJECTIVE}.md`,
    content: `---
title: Close the ${MARKERS.title} acquisition
period: 2026-q4
team: sales
owner: sam-ortiz
parent: 2026-q4/company/grow
theme: ${MARKERS.theme}
visibility: private
keyResults:
  - id: signed
    title: Term sheet for ${MARKERS.keyResult} signed
    owner: sam-ortiz
    type: milestone
  - id: diligence
    title: Diligence done
    owner: sam-ortiz
    type: boolean
---
Why it matters: ${MARKERS.body}.

\`\`\`mermaid
flowchart LR
  a["${MARKERS.mermaid}"] --> b["Board"]
\`\`\`
`,
  },
  {
    file: `checkins/2026-q4/${MARKERS.checkInFolder}/2026-11-10.md`,
    content: `---
date: 2026-11-10
author: sam-ortiz
objective: ${PRIVATE_OBJECTIVE}
updates:
  - keyResult: signed
    value: 0.5
    confidence: 6
    note: Met the ${MARKERS.note} founders.
---
${MARKERS.checkInBody}
`,
  },
  {
    file: `actions/${MARKERS.actionFile}.md`,
    content: `---
title: Call ${MARKERS.action}
kind: initiative
objective: ${PRIVATE_OBJECTIVE}
keyResults: [signed]
owner: sam-ortiz
due: 2026-12-01
status: planned
---
Plan.
`,
  },
  {
    file: 'objectives/2026-q3/sales/closed-secret.md',
    content: `---
title: ${MARKERS.closedTitle} in Q3
period: 2026-q3
team: sales
owner: sam-ortiz
visibility: private
keyResults:
  - id: meetings
    title: ${MARKERS.closedKeyResult} meetings held
    owner: sam-ortiz
    start: 0
    target: 10
  - id: offers
    title: Offers made
    owner: sam-ortiz
    type: boolean
---
`,
  },
  {
    file: 'objectives/2026-q4/company/secret-parent.md',
    content: `---
title: ${MARKERS.parentTitle} for the board
period: 2026-q4
team: company
owner: cleo-park
visibility: private
---
`,
  },
  // A public objective that aligns to one private objective and carries over another.
  {
    file: 'objectives/2026-q4/sales/public-child.md',
    content: `---
title: Public child objective
period: 2026-q4
team: sales
owner: sam-ortiz
parent: 2026-q4/company/secret-parent
continues: 2026-q3/sales/closed-secret
keyResults:
  - id: demos
    title: 40 demos
    owner: sam-ortiz
    start: 0
    target: 40
  - id: trials
    title: 10 trials
    owner: sam-ortiz
    start: 0
    target: 10
---
`,
  },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Reads a built file as lower-case text, unzipping Pagefind's gzip-compressed index files. */
function readLowerCase(file: string): string {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8').toLowerCase();
}

/** Lists each marker with the built files, relative to `outDir`, that contain it. */
function findMarkers(outDir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const files = filesUnder(outDir);
  for (const [name, marker] of Object.entries(MARKERS)) {
    found[name] = files
      .filter((file) => readLowerCase(file).includes(marker))
      .map((file) => path.relative(outDir, file));
  }
  return found;
}

let publicBuild: BuildResult;
let internalBuild: BuildResult;

beforeAll(() => {
  const contentDir = mutateFixture('private-objectives', EDITS);
  const options = {
    contentDir,
    asOf: '2026-11-15',
    env: { OKR_SITE: 'http://127.0.0.1:4321' },
  };
  publicBuild = buildSite({ ...options, name: 'private-public' });
  internalBuild = buildSite({
    ...options,
    name: 'private-internal',
    env: { ...options.env, OKR_INCLUDE_PRIVATE: '1' },
  });
  expect(publicBuild.status).toBe(0);
  expect(internalBuild.status).toBe(0);
});

describe('private objectives', () => {
  test('leave no marker in the public build', () => {
    const found = findMarkers(publicBuild.outDir);
    const leaks = Object.entries(found).filter(([, files]) => files.length > 0);
    expect(leaks).toEqual([]);
    // The scan covered the files where a leak would show.
    const files = filesUnder(publicBuild.outDir).map((file) =>
      path.relative(publicBuild.outDir, file),
    );
    expect(files).toContain('sitemap-0.xml');
    expect(files).toContain('feeds/check-ins.atom');
    expect(files).toContain('api/2026-q4/okrs.json');
    expect(files.some((file) => file.endsWith('.pf_fragment'))).toBe(true);
  });

  test('show every marker in the internal build', () => {
    const found = findMarkers(internalBuild.outDir);
    const missing = Object.entries(found).filter(([, files]) => files.length === 0);
    expect(missing).toEqual([]);
    // The scan reads Pagefind's compressed index, so search would find private content too.
    expect(found.title!.some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(found.title!.some((file) => file.startsWith('feeds/') || file.startsWith('api/'))).toBe(
      true,
    );
    // Only URLs go into the sitemap, so the slug is what it would leak.
    expect(found.slug!).toContain('sitemap-0.xml');
  });

  test('internal pages say so', () => {
    const pages = filesUnder(internalBuild.outDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const unmarked = pages.filter(
      (file) => !readFileSync(file, 'utf8').includes('data-internal-build'),
    );
    expect(unmarked).toEqual([]);
    const $ = readPage(internalBuild.outDir, `/${PRIVATE_OBJECTIVE}/`);
    expect($('[data-private]').length).toBe(1);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex, nofollow');
  });

  test('public pages carry no internal banner', () => {
    const pages = filesUnder(publicBuild.outDir).filter((file) => file.endsWith('.html'));
    const marked = pages.filter((file) =>
      readFileSync(file, 'utf8').includes('data-internal-build'),
    );
    expect(marked).toEqual([]);
  });

  test('scores leave them out and say so', () => {
    const data = JSON.parse(
      readFileSync(path.join(publicBuild.outDir, 'api/2026-q4/okrs.json'), 'utf8'),
    );
    expect(data.period.someHidden).toBe(true);
    const ids = data.objectives.map((objective: { id: string }) => objective.id);
    expect(ids).toEqual([
      '2026-q4/company/grow',
      '2026-q4/sales/more-customers',
      '2026-q4/sales/public-child',
    ]);
    const internal = JSON.parse(
      readFileSync(path.join(internalBuild.outDir, 'api/2026-q4/okrs.json'), 'utf8'),
    );
    expect(internal.period.someHidden).toBe(false);
    expect(internal.objectives.length).toBe(5);
    expect(internal.period.score).not.toBe(data.period.score);

    const period = readPage(publicBuild.outDir, '/2026-q4/');
    expect(period('[data-hidden-note]').length).toBe(1);
    const team = readPage(publicBuild.outDir, '/teams/sales/');
    expect(team('[data-hidden-note]').length).toBe(1);
    const otherTeam = readPage(publicBuild.outDir, '/teams/company/');
    expect(otherTeam('[data-hidden-note]').length).toBe(1);
    const internalPeriod = readPage(internalBuild.outDir, '/2026-q4/');
    expect(internalPeriod('[data-hidden-note]').length).toBe(0);
  });

  test('public children lose the link to a private parent', () => {
    const $ = readPage(publicBuild.outDir, '/2026-q4/sales/public-child/');
    expect(text($, 'h1')).toBe('Public child objective');
    expect($('a[href="/2026-q4/company/secret-parent/"]').length).toBe(0);
  });
});

import type { Edit } from '../support/fixture.ts';

/** A broken copy of the small fixture and the errors it must produce, as `file:line rule`. */
export interface InvalidCase {
  name: string;
  edits: Edit[];
  errors: string[];
}

const PERIOD = 'periods/2026-q4.md';
const TEAM = 'teams/sales.md';
const PERSON = 'people/sam-ortiz.md';
const OBJECTIVE = 'objectives/2026-q4/sales/more-customers.md';
const PARENT = 'objectives/2026-q4/company/grow.md';
const CHECK_IN = 'checkins/2026-q4/2026-11-13.md';
const ACTION = 'actions/partner-push.md';

/** Replaces `find` with `replace` in `file`. */
const change = (file: string, find: string | RegExp, replace: string): Edit => ({
  file,
  find,
  replace,
});

/** Every case breaks the fixture in one way, except the last few, which break it in several. */
export const INVALID_CASES: InvalidCase[] = [
  // Periods
  {
    name: 'period-without-name',
    edits: [change(PERIOD, 'name: Q4 2026\n', '')],
    errors: [`${PERIOD}:1 schema`],
  },
  {
    name: 'period-end-before-start',
    edits: [change(PERIOD, 'end: 2026-12-31', 'end: 2026-09-30')],
    errors: [`${PERIOD}:4 schema`],
  },
  {
    name: 'period-impossible-date',
    edits: [change(PERIOD, 'end: 2026-12-31', 'end: 2026-02-30')],
    errors: [`${PERIOD}:4 schema`],
  },
  {
    name: 'period-start-not-a-date',
    edits: [change(PERIOD, 'start: 2026-10-01', 'start: Q4')],
    errors: [`${PERIOD}:3 schema`],
  },
  {
    name: 'period-with-reserved-id',
    edits: [
      {
        file: 'periods/actions.md',
        content: '---\nname: Actions\nstart: 2027-01-01\nend: 2027-03-31\n---\n',
      },
    ],
    errors: ['periods/actions.md:1 reserved-id'],
  },
  // Teams and people
  {
    name: 'team-unknown-field',
    edits: [change(TEAM, 'area: sales', 'area: sales\ncolour: blue')],
    errors: [`${TEAM}:6 schema`],
  },
  {
    name: 'team-lead-missing',
    edits: [change(TEAM, 'lead: sam-ortiz', 'lead: sam-ortz')],
    errors: [`${TEAM}:4 reference`],
  },
  {
    name: 'team-parent-missing',
    edits: [change(TEAM, 'parent: company', 'parent: compny')],
    errors: [`${TEAM}:3 reference`],
  },
  {
    name: 'team-area-with-capitals',
    edits: [change(TEAM, 'area: sales', 'area: Sales Ops')],
    errors: [`${TEAM}:5 schema`],
  },
  {
    name: 'person-invalid-email',
    edits: [change(PERSON, 'role: Head of Sales', 'role: Head of Sales\nemail: sam at fixture')],
    errors: [`${PERSON}:5 schema`],
  },
  {
    name: 'person-team-missing',
    edits: [change(PERSON, 'team: sales', 'team: marketing')],
    errors: [`${PERSON}:3 reference`],
  },
  {
    name: 'file-name-with-capitals',
    edits: [{ file: 'people/Dana Fox.md', content: '---\nname: Dana Fox\nteam: sales\n---\n' }],
    errors: ['people/Dana Fox.md:1 file-name'],
  },
  {
    name: 'file-without-frontmatter',
    edits: [{ file: 'people/dana-fox.md', content: 'Dana Fox, sales.\n' }],
    errors: ['people/dana-fox.md:1 yaml'],
  },
  // Objectives
  {
    name: 'objective-empty-title',
    edits: [change(OBJECTIVE, 'title: Win more customers', "title: ''")],
    errors: [`${OBJECTIVE}:2 schema`],
  },
  {
    name: 'objective-title-read-as-number',
    edits: [change(OBJECTIVE, 'title: Win more customers', 'title: 12.10')],
    errors: [`${OBJECTIVE}:2 yaml-number`],
  },
  {
    name: 'objective-period-missing',
    edits: [change(OBJECTIVE, 'period: 2026-q4', 'period: 2026-q5')],
    errors: [`${OBJECTIVE}:3 reference`],
  },
  {
    name: 'objective-owner-with-capitals',
    edits: [change(OBJECTIVE, 'owner: sam-ortiz\nparent', 'owner: Sam Ortiz\nparent')],
    errors: [`${OBJECTIVE}:5 schema`],
  },
  {
    name: 'objective-continues-missing',
    edits: [
      change(
        OBJECTIVE,
        'parent: 2026-q4/company/grow',
        'parent: 2026-q4/company/grow\ncontinues: 2026-q3/sales/q3-pipelin',
      ),
    ],
    errors: [`${OBJECTIVE}:7 reference`],
  },
  {
    name: 'objective-continues-later-period',
    edits: [
      change(
        'objectives/2026-q3/sales/q3-pipeline.md',
        'owner: sam-ortiz',
        'owner: sam-ortiz\ncontinues: 2026-q4/sales/more-customers',
      ),
    ],
    errors: ['objectives/2026-q3/sales/q3-pipeline.md:6 continues-period'],
  },
  {
    name: 'objective-parent-missing',
    edits: [change(OBJECTIVE, 'parent: 2026-q4/company/grow', 'parent: 2026-q4/company/grwo')],
    errors: [`${OBJECTIVE}:6 reference`],
  },
  {
    name: 'objective-unknown-visibility',
    edits: [change(OBJECTIVE, 'keyResults:', 'visibility: secret\nkeyResults:')],
    errors: [`${OBJECTIVE}:7 schema`],
  },
  {
    name: 'objective-key-results-not-a-list',
    edits: [change(OBJECTIVE, /keyResults:[\s\S]*?---/, 'keyResults: leads\n---')],
    errors: [`${OBJECTIVE}:7 schema`],
  },
  {
    name: 'objective-invalid-yaml',
    edits: [change(OBJECTIVE, 'team: sales', 'team: [sales')],
    errors: [`${OBJECTIVE}:5 yaml`],
  },
  {
    name: 'objective-duplicate-url',
    edits: [
      {
        file: 'objectives/elsewhere/more-customers.md',
        content: '---\ntitle: Copy\nperiod: 2026-q4\nteam: sales\nowner: sam-ortiz\n---\n',
      },
    ],
    errors: ['objectives/elsewhere/more-customers.md:2 duplicate-route'],
  },
  {
    name: 'objective-invalid-mdx',
    edits: [
      { file: PARENT, remove: true },
      {
        file: 'objectives/2026-q4/company/grow.mdx',
        content:
          '---\ntitle: Grow the company\nperiod: 2026-q4\nteam: company\nowner: cleo-park\n---\nChurn fell to <5% this quarter.\n',
      },
    ],
    errors: ['objectives/2026-q4/company/grow.mdx:7 mdx'],
  },
  {
    name: 'mdx-outside-allowed-folders',
    edits: [
      change(
        'config.yaml',
        'company: Fixture Co',
        'company: Fixture Co\nmdx:\n  allowedFolders: [objectives/*/sales]',
      ),
      { file: PARENT, remove: true },
      {
        file: 'objectives/2026-q4/company/grow.mdx',
        content:
          '---\ntitle: Grow the company\nperiod: 2026-q4\nteam: company\nowner: cleo-park\n---\nChurn fell this quarter.\n',
      },
    ],
    errors: ['objectives/2026-q4/company/grow.mdx:1 mdx-folder'],
  },
  // Key results
  {
    name: 'target-placeholder-tbd',
    edits: [change(OBJECTIVE, 'target: 1000', 'target: TBD')],
    errors: [`${OBJECTIVE}:12 placeholder`],
  },
  {
    name: 'target-placeholder-x',
    edits: [change(OBJECTIVE, 'target: 1000', 'target: XXX')],
    errors: [`${OBJECTIVE}:12 placeholder`],
  },
  {
    name: 'target-empty',
    edits: [change(OBJECTIVE, 'target: 1000', 'target:')],
    errors: [`${OBJECTIVE}:12 placeholder`],
  },
  {
    name: 'target-missing-on-metric',
    edits: [change(OBJECTIVE, '    target: 1000\n', '')],
    errors: [`${OBJECTIVE}:8 schema`],
  },
  {
    name: 'start-missing-on-increase',
    edits: [change(OBJECTIVE, '    start: 0\n', '')],
    errors: [`${OBJECTIVE}:8 schema`],
  },
  {
    name: 'start-equals-target',
    edits: [change(OBJECTIVE, 'target: 30', 'target: 50')],
    errors: [`${OBJECTIVE}:20 schema`],
  },
  {
    name: 'target-below-start-on-increase',
    edits: [change(OBJECTIVE, 'target: 1000', 'target: -5')],
    errors: [`${OBJECTIVE}:8 schema`],
  },
  {
    name: 'weight-zero',
    edits: [change(OBJECTIVE, 'weight: 2', 'weight: 0')],
    errors: [`${OBJECTIVE}:14 schema`],
  },
  {
    name: 'weight-negative',
    edits: [change(OBJECTIVE, 'weight: 2', 'weight: -1')],
    errors: [`${OBJECTIVE}:14 schema`],
  },
  {
    name: 'percent-target-with-other-unit',
    edits: [change(OBJECTIVE, 'target: 30', "target: '30%'")],
    errors: [`${OBJECTIVE}:20 schema`],
  },
  {
    name: 'unknown-key-result-type',
    edits: [change(OBJECTIVE, 'type: milestone', 'type: percentage')],
    errors: [`${OBJECTIVE}:25 schema`],
  },
  {
    name: 'unknown-direction',
    edits: [change(OBJECTIVE, 'direction: decrease', 'direction: down')],
    errors: [`${OBJECTIVE}:18 schema`],
  },
  {
    name: 'duplicate-key-result-id',
    edits: [
      change(OBJECTIVE, 'id: cycle', 'id: leads'),
      change(CHECK_IN, 'keyResult: cycle', 'keyResult: leads'),
    ],
    errors: [`${OBJECTIVE}:15 schema`],
  },
  {
    name: 'key-result-id-with-spaces',
    edits: [change(OBJECTIVE, 'id: launch', 'id: Partner Launch')],
    errors: [`${OBJECTIVE}:22 schema`],
  },
  {
    name: 'target-on-milestone',
    edits: [change(OBJECTIVE, 'type: milestone', 'type: milestone\n    target: 1')],
    errors: [`${OBJECTIVE}:26 schema`],
  },
  {
    name: 'grade-above-one',
    edits: [
      change(
        OBJECTIVE,
        'type: milestone',
        'type: milestone\n    grade:\n      score: 1.5\n      note: Done early.',
      ),
    ],
    errors: [`${OBJECTIVE}:27 schema`],
  },
  {
    name: 'grade-without-note',
    edits: [change(OBJECTIVE, 'type: milestone', 'type: milestone\n    grade:\n      score: 0.5')],
    errors: [`${OBJECTIVE}:26 schema`],
  },
  {
    name: 'key-result-owner-missing',
    edits: [
      change(
        OBJECTIVE,
        '    owner: sam-ortiz\n    type: milestone',
        '    owner: nobody\n    type: milestone',
      ),
    ],
    errors: [`${OBJECTIVE}:24 reference`],
  },
  // Check-ins
  {
    name: 'check-in-outside-period',
    edits: [change(CHECK_IN, 'date: 2026-11-13', 'date: 2027-01-08')],
    errors: [`${CHECK_IN}:2 check-in-date`],
  },
  {
    name: 'check-in-author-missing',
    edits: [change(CHECK_IN, 'author: sam-ortiz', 'author: sam')],
    errors: [`${CHECK_IN}:3 reference`],
  },
  {
    name: 'check-in-objective-missing',
    edits: [
      change(
        CHECK_IN,
        'objective: 2026-q4/sales/more-customers',
        'objective: 2026-q4/sales/more-customer',
      ),
    ],
    errors: [`${CHECK_IN}:4 reference`],
  },
  {
    name: 'check-in-unknown-key-result',
    edits: [change(CHECK_IN, 'keyResult: cycle', 'keyResult: cycel')],
    errors: [`${CHECK_IN}:10 reference`],
  },
  {
    name: 'check-in-milestone-above-one',
    edits: [change(CHECK_IN, 'value: 0.5', 'value: 50')],
    errors: [`${CHECK_IN}:14 check-in-value`],
  },
  {
    name: 'check-in-done-on-metric',
    edits: [change(CHECK_IN, 'value: 400', 'value: done')],
    errors: [`${CHECK_IN}:7 check-in-value`],
  },
  {
    name: 'check-in-percent-on-days',
    edits: [change(CHECK_IN, 'value: 45', 'value: 45%')],
    errors: [`${CHECK_IN}:11 check-in-value`],
  },
  {
    name: 'check-in-confidence-above-ten',
    edits: [change(CHECK_IN, 'confidence: 7', 'confidence: 11')],
    errors: [`${CHECK_IN}:8 schema`],
  },
  {
    name: 'check-in-without-updates',
    edits: [change(CHECK_IN, /updates:[\s\S]*?---/, 'updates: []\n---')],
    errors: [`${CHECK_IN}:5 schema`],
  },
  // Actions
  {
    name: 'action-unknown-key-result',
    edits: [change(ACTION, 'keyResults: [launch]', 'keyResults: [lunch]')],
    errors: [`${ACTION}:5 reference`],
  },
  {
    name: 'corrective-action-without-deviation',
    edits: [change(ACTION, /deviation: .*\n/, '')],
    errors: [`${ACTION}:1 schema`],
  },
  {
    name: 'action-unknown-status',
    edits: [change(ACTION, 'status: in-progress', 'status: wip')],
    errors: [`${ACTION}:9 schema`],
  },
  {
    name: 'action-without-due-date',
    edits: [change(ACTION, 'due: 2026-11-10\n', '')],
    errors: [`${ACTION}:1 schema`],
  },
  // Settings
  {
    name: 'config-margin-above-one',
    edits: [{ file: 'config.yaml', content: 'company: Fixture Co\nstatus:\n  onTrackMargin: 2\n' }],
    errors: ['config.yaml:3 config'],
  },
  {
    name: 'yaml-alias-without-anchor',
    edits: [change(OBJECTIVE, 'owner: sam-ortiz\nparent', 'owner: *owner\nparent')],
    errors: [`${OBJECTIVE}:1 yaml`],
  },
  {
    name: 'frontmatter-without-closing-line',
    edits: [{ file: 'people/dana-fox.md', content: '---\nname: Dana Fox\nteam: sales\n' }],
    errors: ['people/dana-fox.md:1 yaml'],
  },
  {
    name: 'huge-check-in-value',
    edits: [change(CHECK_IN, 'value: 400', 'value: 1e308')],
    errors: [`${CHECK_IN}:7 schema`],
  },
  {
    name: 'confidence-below-zero',
    edits: [change(CHECK_IN, 'confidence: 7', 'confidence: -3')],
    errors: [`${CHECK_IN}:8 schema`],
  },
  {
    name: 'same-key-result-twice-in-a-check-in',
    edits: [change(CHECK_IN, 'keyResult: cycle', 'keyResult: leads')],
    errors: [`${CHECK_IN}:10 duplicate-update`],
  },
  {
    name: 'md-and-mdx-with-the-same-id',
    edits: [{ file: 'people/sam-ortiz.mdx', content: '---\nname: Sam Ortiz\nteam: sales\n---\n' }],
    errors: ['people/sam-ortiz.mdx:1 duplicate-id'],
  },
  {
    name: 'mdx-component-not-imported',
    edits: [
      { file: PARENT, remove: true },
      {
        file: 'objectives/2026-q4/company/grow.mdx',
        content:
          '---\ntitle: Grow the company\nperiod: 2026-q4\nteam: company\nowner: cleo-park\n---\nGrowth chart:\n\n<Chart value={3} />\n',
      },
    ],
    errors: ['objectives/2026-q4/company/grow.mdx:9 mdx'],
  },
  {
    name: 'mdx-unclosed-tag',
    edits: [
      { file: PARENT, remove: true },
      {
        file: 'objectives/2026-q4/company/grow.mdx',
        content:
          '---\ntitle: Grow the company\nperiod: 2026-q4\nteam: company\nowner: cleo-park\n---\nText\n\n<div>\nhello\n',
      },
    ],
    errors: ['objectives/2026-q4/company/grow.mdx:9 mdx'],
  },
  {
    name: 'period-named-pagefind',
    edits: [
      {
        file: 'periods/pagefind.md',
        content: '---\nname: Pagefind\nstart: 2027-01-01\nend: 2027-03-31\n---\n',
      },
    ],
    errors: ['periods/pagefind.md:1 reserved-id'],
  },
  // Several problems at once
  {
    name: 'team-cycle',
    edits: [change('teams/company.md', 'lead: cleo-park', 'lead: cleo-park\nparent: sales')],
    errors: ['teams/company.md:4 cycle', `${TEAM}:3 cycle`],
  },
  {
    name: 'objective-cycle',
    edits: [
      change(PARENT, 'owner: cleo-park', 'owner: cleo-park\nparent: 2026-q4/sales/more-customers'),
    ],
    errors: [`${PARENT}:6 cycle`, `${OBJECTIVE}:6 cycle`],
  },
  {
    name: 'three-files-broken',
    edits: [
      change(OBJECTIVE, 'target: 1000', 'target: TBD'),
      change(CHECK_IN, 'author: sam-ortiz', 'author: sam'),
      change(ACTION, 'status: in-progress', 'status: wip'),
    ],
    errors: [`${ACTION}:9 schema`, `${CHECK_IN}:3 reference`, `${OBJECTIVE}:12 placeholder`],
  },
  {
    name: 'one-file-broken-twice',
    edits: [
      change(OBJECTIVE, 'period: 2026-q4', 'period: 2026-q5'),
      change(OBJECTIVE, 'weight: 2', 'weight: 0'),
    ],
    errors: [`${OBJECTIVE}:3 reference`, `${OBJECTIVE}:14 schema`],
  },
];

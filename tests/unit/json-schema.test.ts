import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { glob } from 'tinyglobby';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseSource } from '../../src/lib/content/frontmatter.ts';
import {
  EXPORT_SCHEMA_TARGETS,
  JSON_SCHEMA_DIR,
  JSON_SCHEMA_TARGETS,
  toExportJsonSchema,
  toJsonSchema,
} from '../../src/lib/json-schema.ts';
import { ROOT, TMP } from '../support/build.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

const validators = new Map<string, ValidateFunction>(
  JSON_SCHEMA_TARGETS.map(({ name }) => {
    const file = path.join(ROOT, JSON_SCHEMA_DIR, `${name}.schema.json`);
    return [name, ajv.compile(JSON.parse(readFileSync(file, 'utf8')))];
  }),
);

/** Reads the frontmatter of a content file, or the whole of a YAML file. */
function readData(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.yaml') ? parseYamlText(text) : parseSource(text).data;
}

describe('generated JSON Schemas', () => {
  test.each(JSON_SCHEMA_TARGETS.map((target) => target.name))('%s is up to date', (name) => {
    const target = JSON_SCHEMA_TARGETS.find((item) => item.name === name)!;
    const file = path.join(ROOT, JSON_SCHEMA_DIR, `${name}.schema.json`);
    const expected = `${JSON.stringify(toJsonSchema(name, target.schema), null, 2)}\n`;
    expect(readFileSync(file, 'utf8'), 'run npm run schema and commit the result').toBe(expected);
  });

  test.each(EXPORT_SCHEMA_TARGETS.map((target) => target.name))('%s is up to date', (name) => {
    const target = EXPORT_SCHEMA_TARGETS.find((item) => item.name === name)!;
    const file = path.join(ROOT, JSON_SCHEMA_DIR, `${name}.schema.json`);
    const expected = `${JSON.stringify(toExportJsonSchema(name, target.schema), null, 2)}\n`;
    expect(readFileSync(file, 'utf8'), 'run npm run schema and commit the result').toBe(expected);
  });

  test.each(JSON_SCHEMA_TARGETS.map((target) => target.name))(
    'sample %s files validate',
    async (name) => {
      const target = JSON_SCHEMA_TARGETS.find((item) => item.name === name)!;
      const files = await glob(target.files, { cwd: ROOT, absolute: true });
      expect(files.length).toBeGreaterThan(0);
      const validate = validators.get(name)!;
      const failures = files.flatMap((file) =>
        validate(readData(file))
          ? []
          : [`${path.relative(ROOT, file)}: ${ajv.errorsText(validate.errors)}`],
      );
      expect(failures).toEqual([]);
    },
  );

  test.each([
    { name: 'objective', data: { period: '2026-q4', team: 'sales', owner: 'ana-lima' } },
    { name: 'team', data: { name: 'Sales', lead: 'ana-lima', area: 'Sales Ops' } },
    {
      name: 'check-in',
      data: {
        date: '2026-10-09',
        author: 'ana-lima',
        objective: '2026-q4/sales/grow',
        updates: [{ keyResult: 'sqls', value: 10, confidence: 11 }],
      },
    },
    { name: 'action', data: { title: 'Plan', kind: 'initiative', objective: 'x', keyResults: [] } },
    { name: 'config', data: { status: { onTrackMargin: 2 } } },
  ])('rejects an invalid $name', ({ name, data }) => {
    expect(validators.get(name)!(data)).toBe(false);
  });
});

describe('editor wiring', () => {
  test('remark reports a frontmatter error with its line', () => {
    // A copy of the project's remark setup, so that the broken file stays out of content/.
    const project = path.join(TMP, 'remark-project');
    rmSync(project, { recursive: true, force: true });
    mkdirSync(path.join(project, 'content/teams'), { recursive: true });
    cpSync(path.join(ROOT, '.remarkrc.mjs'), path.join(project, '.remarkrc.mjs'));
    cpSync(path.join(ROOT, JSON_SCHEMA_DIR), path.join(project, JSON_SCHEMA_DIR), {
      recursive: true,
    });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    const file = path.join(project, 'content/teams/sales.md');
    writeFileSync(file, '---\nname: Sales\nlead: ana-lima\narea: Sales Ops\n---\n');

    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/remark-cli/cli.js'), 'content', '--quiet', '--no-color'],
      { cwd: project, encoding: 'utf8' },
    );
    expect(result.stderr).toMatch(/^4:7-4:16\s+warning\s+Must match pattern/m);
    expect(result.stderr).toContain('team.schema.json');
  });
});

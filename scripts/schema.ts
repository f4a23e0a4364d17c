// Writes a JSON Schema for each content type's frontmatter to public/schemas/: `npm run schema`.
// Editors use them to show content errors as authors type; see the README.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JSON_SCHEMA_DIR, JSON_SCHEMA_TARGETS, toJsonSchema } from '../src/lib/json-schema.ts';

const folder = path.resolve(JSON_SCHEMA_DIR);
await mkdir(folder, { recursive: true });
for (const { name, schema } of JSON_SCHEMA_TARGETS) {
  const file = path.join(folder, `${name}.schema.json`);
  await writeFile(file, `${JSON.stringify(toJsonSchema(name, schema), null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

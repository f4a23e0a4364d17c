// Checks each content file's frontmatter against its JSON Schema in public/schemas/, in editors
// that run remark (VS Code: the unifiedjs.vscode-remark extension) and with `npx remark content`.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

const folders = {
  period: 'periods',
  team: 'teams',
  person: 'people',
  objective: 'objectives',
  'check-in': 'checkins',
  action: 'actions',
};

const schemas = Object.fromEntries(
  Object.entries(folders).map(([name, folder]) => [
    `./public/schemas/${name}.schema.json`,
    [`content/${folder}/**/*.md`, `content/${folder}/**/*.mdx`],
  ]),
);

export default {
  plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, { schemas }]],
};

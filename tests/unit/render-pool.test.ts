import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, test } from 'vitest';
import { parseSource } from '../../src/lib/content/frontmatter.ts';
import { renderOnThreads } from '../../src/lib/content/loader.ts';
import type { BodyTask } from '../../src/lib/content/render-body.ts';
import { createMarkdownProcessor } from '../../src/lib/markdown.ts';
import { ROOT } from '../support/build.ts';

/** The Markdown settings of astro.config.mjs, with Astro's defaults for the rest. */
const config = {
  markdown: {
    ...markdownConfigDefaults,
    processor: createMarkdownProcessor(),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
  },
  image: {},
} as unknown as Parameters<typeof renderOnThreads>[1];

/** Every Markdown body of the sample company, plus bodies that the processor must change. */
async function sampleTasks(): Promise<BodyTask[]> {
  const files = await glob('**/*.md', { cwd: path.join(ROOT, 'content'), absolute: true });
  const tasks = files.sort().map((filePath) => {
    const source = parseSource(readFileSync(filePath, 'utf8'));
    return { body: source.body, frontmatter: source.data as Record<string, unknown>, filePath };
  });
  const extra = path.join(ROOT, 'content/checkins/extra.md');
  tasks.push(
    { body: '```mermaid\ngraph TD; A-->B\n```', frontmatter: {}, filePath: extra },
    {
      body: '<script>alert(1)</script>\n\n[x](javascript:alert(1))',
      frontmatter: {},
      filePath: extra,
    },
    {
      body: '## Next "steps" -- soon...\n\n```ts\nconst a = 1;\n```',
      frontmatter: {},
      filePath: extra,
    },
  );
  return tasks;
}

describe('Markdown rendering on threads', () => {
  test('matches the calling thread', async () => {
    const tasks = await sampleTasks();
    const singleThread = await renderOnThreads(tasks, config, 1);
    const threeThreads = await renderOnThreads(tasks, config, 3);
    expect(threeThreads).toEqual(singleThread);
    expect(singleThread).toHaveLength(tasks.length);

    const [mermaid, hostile, typography] = singleThread.slice(-3).map((result) => result.html);
    expect(mermaid).toContain('<pre class="diagram-source">graph TD; A-->B</pre>');
    expect(mermaid).not.toContain('class="shiki');
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('javascript:');
    expect(typography).toContain('“steps”');
    expect(typography).toContain('<span style="color:#F97583">const</span>');
    expect(singleThread.at(-1)!.metadata.headings).toEqual([
      expect.objectContaining({ depth: 2, slug: 'next-steps--soon' }),
    ]);
  }, 60_000);
});

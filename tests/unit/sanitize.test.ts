import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { rehypeSanitizeMarkdown } from '../../src/lib/rehype-sanitize-markdown.ts';
import { remarkMermaid } from '../../src/lib/remark-mermaid.ts';

/** Renders Markdown the way Astro's unified processor orders the plugins. */
async function render(markdown: string, path = 'objective.md'): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMermaid)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSanitizeMarkdown)
    .use(rehypeRaw)
    .use(rehypeStringify)
    .process(new VFile({ value: markdown, path }));
  return String(file);
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '[click](javascript:alert(3))',
  '<a href="javascript:alert(4)">link</a>',
  '<iframe src="https://example.com"></iframe>',
  '<svg onload="alert(5)"></svg>',
  '<div style="background:url(javascript:alert(6))" onclick="alert(7)">x</div>',
].join('\n\n');

describe('rehypeSanitizeMarkdown', () => {
  test('removes scripts, handlers and javascript links from Markdown', async () => {
    const html = await render(HOSTILE);
    expect(html).not.toMatch(/<script|onerror|onload|onclick|javascript:|<iframe/i);
  });

  test('keeps ordinary Markdown', async () => {
    const html = await render('**Bold**, a [link](https://example.com/a) and `code`.');
    expect(html).toBe(
      '<p><strong>Bold</strong>, a <a href="https://example.com/a">link</a> and <code>code</code>.</p>',
    );
  });

  test('keeps Mermaid diagram figures', async () => {
    const html = await render('```mermaid\nflowchart LR\n  a --> b\n```');
    expect(html).toContain(
      '<figure class="diagram" data-diagram="" data-links="{}" data-pagefind-ignore="all">',
    );
    expect(html).toMatch(
      /<pre class="diagram-source">flowchart LR\n {2}a --(>|&#x3E;|&gt;) b<\/pre>/,
    );
    expect(html).toContain(
      '<div class="diagram-box" tabindex="0" role="group" aria-label="Diagram"',
    );
  });

  test('leaves MDX files to code review', async () => {
    const html = await render('<b>bold</b>', 'objective.mdx');
    expect(html).toContain('<b>bold</b>');
  });
});

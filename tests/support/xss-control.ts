import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { ROOT } from './build.ts';
import type { ControlContext, XssPayload } from './xss-payloads.ts';
import type { VisitOptions } from './xss-probe.ts';

/** A control page, which inserts a payload without escaping, so that it must run there. */
export interface ControlPage {
  payload: XssPayload;
  /** File name of the page in the control folder. */
  file: string;
  options: VisitOptions;
}

function escapeHtml(text: string): string {
  return text.replaceAll(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);
}

/** Renders Markdown with raw HTML allowed and without sanitizing, as an unsafe site would. */
function unsafeMarkdown(markdown: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .use(rehypeStringify)
      .processSync(markdown),
  );
}

/** Draws Mermaid source with securityLevel 'loose' and binds its click handlers. */
function looseMermaid(source: string): string {
  return `<div id="box"></div>
<pre id="source" hidden>${escapeHtml(source)}</pre>
<script type="module">
  import mermaid from './mermaid/mermaid.esm.min.mjs';
  mermaid.initialize({ startOnLoad: false, securityLevel: 'loose' });
  const { svg, bindFunctions } = await mermaid.render(
    'control',
    document.getElementById('source').textContent,
  );
  const box = document.getElementById('box');
  box.innerHTML = svg;
  bindFunctions?.(box);
  document.body.dataset.drawn = 'true';
</script>`;
}

/** Writes the body of a page that inserts `text` into `context` without escaping it. */
function controlBody(context: ControlContext, text: string): string {
  switch (context) {
    case 'html':
      return text;
    case 'attribute-double':
      return `<input value="${text}">`;
    case 'attribute-single':
      return `<input value='${text}'>`;
    case 'attribute-unquoted':
      return `<input value=${text}>`;
    case 'js-single':
      return `<script>var value = '${text}';</script>`;
    case 'js-double':
      return `<script>var value = "${text}";</script>`;
    case 'js-template':
      return `<script>var value = \`${text}\`;</script>`;
    case 'js-comment':
      return `<script>// ${text}\n</script>`;
    case 'textarea':
      return `<textarea>${text}</textarea>`;
    case 'title':
      return '';
    case 'style':
      return `<style>/* ${text} */</style>`;
    case 'html-decoded':
      return `<div id="text">${text}</div>
<script>
  var element = document.getElementById('text');
  element.innerHTML = element.textContent;
</script>`;
    case 'markdown':
      return unsafeMarkdown(text);
    case 'mermaid-loose':
      return looseMermaid(text);
    case 'mermaid-label-loose':
      return looseMermaid(`flowchart LR\n  n0["${text}"]\n`);
  }
}

const waitForMermaid: VisitOptions['prepare'] = async (page) => {
  await page.waitForSelector('body[data-drawn]', { timeout: 30_000 });
};

/**
 * Writes one control page per payload that has a control context into `dir`, which it empties
 * first, with Mermaid's browser build linked in as `mermaid/`. Returns the pages written.
 */
export function writeControlPages(dir: string, payloads: readonly XssPayload[]): ControlPage[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules/mermaid/dist'), path.join(dir, 'mermaid'));

  const pages: ControlPage[] = [];
  for (const payload of payloads) {
    const context = payload.control;
    if (typeof context !== 'string') continue;
    const title = context === 'title' ? payload.text : payload.id;
    const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
${controlBody(context, payload.text)}
</body>
</html>
`;
    const file = `${payload.id}.html`;
    writeFileSync(path.join(dir, file), html);
    const options: VisitOptions = {};
    if (context === 'markdown') options.click = 'a[href], button';
    if (context === 'mermaid-loose' || context === 'mermaid-label-loose') {
      options.prepare = waitForMermaid;
      options.click = 'svg g.node';
    }
    pages.push({ payload, file, options });
  }
  return pages;
}

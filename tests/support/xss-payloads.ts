/**
 * Cross-site-scripting payloads for tests that put hostile text into every content field. A
 * payload that runs calls `__xss('<id>')`, which the browser tests define in every frame, so
 * that a report names the payload that ran.
 */

/**
 * Where a payload can be written: `line` fits any one-line text field (titles, names, units,
 * notes), `markdown` only a Markdown body, and `mermaid` is the source of a Mermaid code block.
 */
export type PayloadField = 'line' | 'markdown' | 'mermaid';

/**
 * A page context in which the payload runs when it is inserted without escaping. The control
 * test builds one page per payload in its context and expects the marker to fire there:
 *
 * - `html`: raw in the body.
 * - `attribute-double`, `attribute-single`, `attribute-unquoted`: inside an `<input value>`.
 * - `js-single`, `js-double`, `js-template`: inside a string literal of an inline script.
 * - `js-comment`: inside a `//` comment of an inline script.
 * - `textarea`, `title`, `style`: inside that element.
 * - `html-decoded`: as text whose character references a script decodes and inserts as HTML.
 * - `markdown`: rendered as Markdown with raw HTML allowed and no sanitizing; every link and
 *   button on the page is then clicked.
 * - `mermaid-loose`: drawn by Mermaid with `securityLevel: 'loose'` and its click handlers bound;
 *   every node is then clicked.
 * - `mermaid-label-loose`: the quoted label of a node, unescaped, drawn as in `mermaid-loose`.
 */
export type ControlContext =
  | 'html'
  | 'attribute-double'
  | 'attribute-single'
  | 'attribute-unquoted'
  | 'js-single'
  | 'js-double'
  | 'js-template'
  | 'js-comment'
  | 'textarea'
  | 'title'
  | 'style'
  | 'html-decoded'
  | 'markdown'
  | 'mermaid-loose'
  | 'mermaid-label-loose';

export interface XssPayload {
  /** Name that the payload passes to `__xss` when it runs. */
  id: string;
  text: string;
  field: PayloadField;
  /**
   * Context that makes the payload run, or the reason why Chromium alone never runs it. The
   * static checks of the browser test (no `javascript:` URL, no event handler attribute) still
   * cover payloads without a context.
   */
  control: ControlContext | { none: string };
}

const marker = (id: string) => `__xss('${id}')`;

/** Every payload, in the order in which they are joined into one field. */
export const XSS_PAYLOADS: readonly XssPayload[] = [
  // Markup in text.
  {
    id: 'script-tag',
    text: `<script>${marker('script-tag')}</script>`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'img-onerror',
    text: `<img src=x onerror="${marker('img-onerror')}">`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'svg-onload',
    text: `<svg onload="${marker('svg-onload')}"></svg>`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'iframe-srcdoc',
    text: `<iframe srcdoc="<script>parent.${marker('iframe-srcdoc')}</script>"></iframe>`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'noscript-break',
    text: `<noscript><p title="</noscript><img src=x onerror=${marker('noscript-break')}>"></noscript>`,
    field: 'line',
    control: 'html',
  },
  // Mutation XSS: foreign content (MathML, SVG) parses <style> as markup, so the <img> escapes.
  {
    id: 'math-style',
    text: `<math><style><img src=x onerror="${marker('math-style')}"></style></math>`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'svg-style',
    text: `<svg><style><img src=x onerror="${marker('svg-style')}"></style></svg>`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'math-mglyph',
    text: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=x onerror=${marker('math-mglyph')}&gt;">`,
    field: 'line',
    control: {
      none: 'runs only after a sanitizer parses and serializes it and the browser parses it again',
    },
  },
  // Text that ends the element or attribute it is written into.
  {
    id: 'attribute-break-script',
    text: `"><script>${marker('attribute-break-script')}</script>`,
    field: 'line',
    control: 'attribute-double',
  },
  {
    id: 'attribute-double-quote',
    text: `" autofocus onfocus="${marker('attribute-double-quote')}" x="`,
    field: 'line',
    control: 'attribute-double',
  },
  {
    id: 'attribute-single-quote',
    text: `' autofocus onfocus='__xss("attribute-single-quote")' x='`,
    field: 'line',
    control: 'attribute-single',
  },
  {
    id: 'attribute-unquoted',
    text: `x autofocus onfocus=${marker('attribute-unquoted')}`,
    field: 'line',
    control: 'attribute-unquoted',
  },
  {
    id: 'textarea-close',
    text: `</textarea><img src=x onerror="${marker('textarea-close')}">`,
    field: 'line',
    control: 'textarea',
  },
  {
    id: 'title-close',
    text: `</title><img src=x onerror="${marker('title-close')}">`,
    field: 'line',
    control: 'title',
  },
  {
    id: 'style-close',
    text: `</style><img src=x onerror="${marker('style-close')}">`,
    field: 'line',
    control: 'style',
  },
  // `]]>` ends a CDATA section, such as the one around an Atom entry's title.
  {
    id: 'cdata-end',
    text: `]]><script>${marker('cdata-end')}</script>`,
    field: 'line',
    control: 'html',
  },
  // Text that ends a string literal, a template literal or the script itself.
  {
    id: 'js-single-quote',
    text: `'-${marker('js-single-quote')}-'`,
    field: 'line',
    control: 'js-single',
  },
  {
    id: 'js-double-quote',
    text: `"-__xss("js-double-quote")-"`,
    field: 'line',
    control: 'js-double',
  },
  {
    id: 'script-close',
    text: `</script><script>${marker('script-close')}</script>`,
    field: 'line',
    control: 'js-double',
  },
  {
    id: 'template-substitution',
    text: `\${${marker('template-substitution')}}`,
    field: 'line',
    control: 'js-template',
  },
  {
    id: 'template-backtick',
    text: `\`-${marker('template-backtick')}-\``,
    field: 'line',
    control: 'js-template',
  },
  // U+2028 and U+2029 end a // comment in JavaScript, so text after them runs. Each follows a
  // letter, because titles are trimmed, and trimming removes these characters at either end.
  {
    id: 'line-separator',
    text: `x\u2028${marker('line-separator')}//`,
    field: 'line',
    control: 'js-comment',
  },
  {
    id: 'paragraph-separator',
    text: `x\u2029${marker('paragraph-separator')}//`,
    field: 'line',
    control: 'js-comment',
  },
  // Character references, which run where text is decoded and then inserted as HTML.
  {
    id: 'named-entities',
    text: `&lt;img src=x onerror="${marker('named-entities')}"&gt;`,
    field: 'line',
    control: 'html-decoded',
  },
  {
    id: 'numeric-entities',
    text: `&#60;img src=x onerror=&#34;${marker('numeric-entities')}&#34;&#62;`,
    field: 'line',
    control: 'html-decoded',
  },
  // Mermaid labels: entity codes, <br> breaks, directives and text that ends the label.
  {
    id: 'mermaid-entity-codes',
    text: `#60;img src=x onerror=${marker('mermaid-entity-codes')}#62;`,
    field: 'line',
    control: {
      none: 'Mermaid decodes the codes and then sanitizes the label with DOMPurify at every security level',
    },
  },
  {
    id: 'mermaid-line-break',
    text: `one<br>two<br/><img src=x onerror="${marker('mermaid-line-break')}">`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'mermaid-directive-in-label',
    text: `%%{init: {"securityLevel": "loose"}}%%<img src=x onerror="${marker('mermaid-directive-in-label')}">`,
    field: 'line',
    control: 'html',
  },
  {
    id: 'mermaid-label-break',
    text: `x"]\n  click n0 call __xss("mermaid-label-break")\n  n99["x`,
    field: 'line',
    control: 'mermaid-label-loose',
  },
  // Links and images in Markdown.
  {
    id: 'markdown-javascript-link',
    text: `[javascript link](javascript:${marker('markdown-javascript-link')})`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'markdown-mixed-case-link',
    text: `[mixed case link](JaVaScRiPt:${marker('markdown-mixed-case-link')})`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'markdown-entity-link',
    text: `[entity link](&#106;avascript:${marker('markdown-entity-link')})`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'markdown-autolink',
    text: `<javascript:${marker('markdown-autolink')}>`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'markdown-reference-link',
    text: `[reference link][hostile-reference]\n\n[hostile-reference]: javascript:${marker('markdown-reference-link')}`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'markdown-data-link',
    text: `[data link](data:text/html,%3Cscript%3E${marker('markdown-data-link')}%3C/script%3E)`,
    field: 'markdown',
    control: { none: 'Chromium blocks top-level navigation to data: URLs' },
  },
  {
    id: 'markdown-data-image',
    text: `![data image](data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20onload=%22${marker('markdown-data-image')}%22/%3E)`,
    field: 'markdown',
    control: { none: 'an image runs no script, even an SVG one' },
  },
  {
    id: 'markdown-image-title',
    text: `![image title](x "\\" onerror=\\"${marker('markdown-image-title')}")`,
    field: 'markdown',
    control: { none: 'Markdown escapes the quotes of a title, so the title never ends early' },
  },
  // Raw HTML in Markdown.
  {
    id: 'raw-script',
    text: `<script>${marker('raw-script')}</script>`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'raw-details-ontoggle',
    text: `<details open ontoggle="${marker('raw-details-ontoggle')}"><summary>raw details</summary></details>`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'raw-autofocus',
    text: `<input autofocus onfocus="${marker('raw-autofocus')}">`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'raw-javascript-link',
    text: `<a href="javascript:${marker('raw-javascript-link')}">raw link</a>`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'raw-form-action',
    text: `<form action="javascript:${marker('raw-form-action')}"><button>raw form</button></form>`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'raw-iframe-data',
    text: `<iframe src="data:text/html,<script>${marker('raw-iframe-data')}</script>"></iframe>`,
    field: 'markdown',
    control: 'markdown',
  },
  {
    id: 'raw-style-attribute',
    text: `<p style="background:url(javascript:${marker('raw-style-attribute')})">styled</p>`,
    field: 'markdown',
    control: { none: 'browsers no longer load javascript: URLs from CSS' },
  },
  {
    id: 'raw-meta-refresh',
    text: `<meta http-equiv="refresh" content="0;url=javascript:${marker('raw-meta-refresh')}">`,
    field: 'markdown',
    control: { none: 'Chromium ignores a refresh to a javascript: URL' },
  },
  // Mermaid code blocks in bodies, whose source the author controls in full.
  {
    id: 'mermaid-click-call',
    text: `flowchart LR\n  callNode["click call"] --> callTarget["target"]\n  click callNode call __xss("mermaid-click-call")`,
    field: 'mermaid',
    control: 'mermaid-loose',
  },
  {
    id: 'mermaid-click-href',
    text: `flowchart LR\n  hrefNode["click href"]\n  click hrefNode href "javascript:${marker('mermaid-click-href')}"`,
    field: 'mermaid',
    control: 'mermaid-loose',
  },
  {
    id: 'mermaid-directive-loose',
    text: `%%{init: {"securityLevel": "loose"}}%%\nflowchart LR\n  a["loose directive"]\n  click a call __xss("mermaid-directive-loose")`,
    field: 'mermaid',
    control: 'mermaid-loose',
  },
  {
    id: 'mermaid-directive-dompurify',
    text: `%%{init: {"dompurifyConfig": {"ADD_ATTR": ["onerror"]}}}%%\nflowchart LR\n  a["<img src=x onerror=${marker('mermaid-directive-dompurify')}>"]`,
    field: 'mermaid',
    control: {
      none: 'Mermaid sanitizes labels with DOMPurify at every security level and drops this directive key',
    },
  },
  {
    id: 'mermaid-directive-theme-css',
    text: `%%{init: {"themeCSS": ".node rect { fill: red; } </style><img src=x onerror=${marker('mermaid-directive-theme-css')}>"}}%%\nflowchart LR\n  a["theme CSS"]`,
    field: 'mermaid',
    control: { none: 'Mermaid drops directive values that contain < or >' },
  },
  {
    id: 'mermaid-html-label',
    text: `flowchart LR\n  htmlNode["<img src=x onerror=${marker('mermaid-html-label')}>"] --> breakNode["one<br>two<br/><svg onload=${marker('mermaid-html-label')}>"]`,
    field: 'mermaid',
    control: { none: 'Mermaid sanitizes labels with DOMPurify at every security level' },
  },
  {
    id: 'mermaid-markdown-label',
    text: `flowchart LR\n  markdownNode["\`**bold** <img src=x onerror=${marker('mermaid-markdown-label')}>\`"]`,
    field: 'mermaid',
    control: { none: 'Mermaid sanitizes labels with DOMPurify at every security level' },
  },
  {
    id: 'mermaid-source-close',
    text: `flowchart LR\n  sourceNode["source"]\n%% </pre><img src=x onerror="${marker('mermaid-source-close')}">`,
    field: 'mermaid',
    control: 'html',
  },
];

/** Payloads that fit one-line fields. */
export const LINE_PAYLOADS = XSS_PAYLOADS.filter((payload) => payload.field === 'line');

/**
 * Joins every one-line payload after a plain label such as "Hostile team name", so that one
 * field carries them all and a search for the label finds it.
 */
export function hostileLine(label: string): string {
  return [label, ...LINE_PAYLOADS.map((payload) => payload.text)].join(' ');
}

/**
 * Groups the Mermaid payloads into diagrams. A payload with a directive gets a diagram of its
 * own, because a directive applies to the whole diagram. All others share one flowchart, which
 * keeps the number of drawings, and so the run time, down. Every Mermaid payload starts with
 * its directive, if any, then the line `flowchart LR`, and uses node ids of its own.
 */
export function mermaidDiagrams(): string[] {
  const mermaid = XSS_PAYLOADS.filter((payload) => payload.field === 'mermaid');
  const withDirective = mermaid.filter((payload) => payload.text.startsWith('%%{'));
  const plain = mermaid.filter((payload) => !payload.text.startsWith('%%{'));
  const merged = ['flowchart LR', ...plain.flatMap((payload) => payload.text.split('\n').slice(1))];
  return [merged.join('\n'), ...withDirective.map((payload) => payload.text)];
}

/**
 * Writes a Markdown body with every payload: the one-line ones as paragraphs, the Markdown ones
 * as they are, and the Mermaid ones as the code blocks of {@link mermaidDiagrams}.
 */
export function hostileMarkdown(label: string): string {
  const blocks = [
    label,
    ...XSS_PAYLOADS.filter((payload) => payload.field !== 'mermaid').map((payload) => payload.text),
    ...mermaidDiagrams().map((source) => `\`\`\`mermaid\n${source}\n\`\`\``),
  ];
  return `${blocks.join('\n\n')}\n`;
}

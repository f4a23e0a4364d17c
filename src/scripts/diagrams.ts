// Draws every diagram on the page with Mermaid, loaded only when the page has one, and draws
// them again when the colour scheme changes.
import type { Mermaid } from 'mermaid';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Node colours for each status and grade band, in light and in dark mode. */
const COLOURS: Record<string, { light: string; dark: string }> = {
  achieved: {
    light: 'fill:#d3eedb,stroke:#17692f,color:#0b2e16',
    dark: 'fill:#123d22,stroke:#5fd38a,color:#e7eaee',
  },
  on_track: {
    light: 'fill:#e1f3e6,stroke:#1f7a3c,color:#0b2e16',
    dark: 'fill:#173a24,stroke:#6fcf8f,color:#e7eaee',
  },
  at_risk: {
    light: 'fill:#fff1cc,stroke:#8a5a00,color:#3d2800',
    dark: 'fill:#3d2e08,stroke:#f0b43c,color:#e7eaee',
  },
  off_track: {
    light: 'fill:#fde2df,stroke:#b42318,color:#4a0c07',
    dark: 'fill:#4a1a16,stroke:#ff8a80,color:#e7eaee',
  },
  no_check_in: {
    light: 'fill:#eceef1,stroke:#5c6470,color:#1b1f24',
    dark: 'fill:#2b313b,stroke:#a5adb9,color:#e7eaee',
  },
  green: {
    light: 'fill:#e1f3e6,stroke:#1f7a3c,color:#0b2e16',
    dark: 'fill:#173a24,stroke:#6fcf8f,color:#e7eaee',
  },
  yellow: {
    light: 'fill:#fff1cc,stroke:#8a5a00,color:#3d2800',
    dark: 'fill:#3d2e08,stroke:#f0b43c,color:#e7eaee',
  },
  red: {
    light: 'fill:#fde2df,stroke:#b42318,color:#4a0c07',
    dark: 'fill:#4a1a16,stroke:#ff8a80,color:#e7eaee',
  },
};

/** Mermaid class definitions for the colour scheme; the generated source assigns the classes. */
function classDefinitions(dark: boolean): string {
  return Object.entries(COLOURS)
    .map(([name, colours]) => `  classDef status_${name} ${dark ? colours.dark : colours.light}`)
    .join('\n');
}

/** Wraps each node that has a link in an SVG `<a>`, so that it can be clicked and focused. */
function linkNodes(svg: SVGSVGElement, links: Record<string, string>) {
  for (const node of svg.querySelectorAll<SVGGElement>('g.node')) {
    const id = /flowchart-(n\d+)-\d+$/.exec(node.id)?.[1];
    const href = id ? links[id] : undefined;
    if (!href) continue;
    const anchor = document.createElementNS(SVG_NS, 'a');
    anchor.setAttribute('href', href);
    node.replaceWith(anchor);
    anchor.append(node);
  }
}

/** Smallest scale at which a drawing still reads well; below it, the box scrolls instead. */
const MIN_SCALE = 0.6;

/**
 * Sizes a drawing to fit its box, never above its natural size. A drawing that would have to
 * shrink below {@link MIN_SCALE} to fit is fitted to the width only, and the box scrolls.
 */
function fitToBox(svg: SVGSVGElement, box: HTMLElement) {
  const { width, height } = svg.viewBox.baseVal;
  if (!width || !height) return;
  const widthScale = box.clientWidth / width;
  let scale = Math.min(1, widthScale, box.clientHeight / height);
  if (scale < MIN_SCALE) scale = Math.min(1, widthScale);
  svg.style.maxWidth = 'none';
  svg.setAttribute('width', String(Math.floor(width * scale)));
  svg.setAttribute('height', String(Math.floor(height * scale)));
}

async function drawOne(mermaid: Mermaid, figure: HTMLElement, index: number, dark: boolean) {
  const box = figure.querySelector<HTMLElement>('.diagram-box');
  const source = figure.querySelector('.diagram-source')?.textContent;
  if (!box || !source) return;

  try {
    const { svg } = await mermaid.render(
      `diagram-${index}`,
      `${source}\n${classDefinitions(dark)}`,
    );
    box.innerHTML = svg;
    const drawing = box.querySelector('svg');
    if (drawing) {
      fitToBox(drawing, box);
      linkNodes(drawing, JSON.parse(figure.dataset.links ?? '{}'));
    }
    figure.dataset.drawn = 'true';
  } catch (error) {
    const message = document.createElement('p');
    message.className = 'diagram-error';
    message.textContent = `This diagram could not be drawn: ${(error as Error).message}`;
    box.replaceChildren(message);
    figure.querySelector('details')?.setAttribute('open', '');
    figure.dataset.drawn = 'error';
  }
}

/** Draws the page's diagrams, and redraws them when the colour scheme changes. */
export async function drawDiagrams() {
  const figures = [...document.querySelectorAll<HTMLElement>('[data-diagram]')];
  if (figures.length === 0) return;

  let mermaid: Mermaid;
  try {
    mermaid = (await import('mermaid')).default;
  } catch {
    // Without Mermaid, show the text versions again.
    document.documentElement.classList.remove('diagrams');
    return;
  }
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  const draw = async () => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      theme: scheme.matches ? 'dark' : 'default',
      fontFamily: 'system-ui, sans-serif',
    });
    for (const [index, figure] of figures.entries()) {
      await drawOne(mermaid, figure, index, scheme.matches);
    }
  };
  await draw();
  scheme.addEventListener('change', () => void draw());
}

import type { AstroMarkdownOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '../markdown.ts';
import { runOnThreads, threadsFor } from '../worker-pool.ts';
import { ENTRY_PATTERN, entryIdFromPath } from './collections.ts';
import type { ContentSource } from './load.ts';
import { renderBodies, type BodyTask, type RenderedBody } from './render-body.ts';

/** Global slot through which the build's validation hands its files to the content loader. */
const PREPARED = Symbol.for('okr-portal.prepared-content');

type PreparedStore = Map<string, ContentSource[]>;

/**
 * Keeps the files that validation read for the content loaders of this build, by collection
 * folder, so that Astro's content sync neither reads nor parses them again.
 */
export function prepareContent(contentDir: string, sources: ContentSource[]): void {
  const store: PreparedStore = new Map();
  for (const source of sources) {
    const folder = path.resolve(contentDir, source.collection);
    const list = store.get(folder);
    if (list) list.push(source);
    else store.set(folder, [source]);
  }
  (globalThis as { [PREPARED]?: PreparedStore })[PREPARED] = store;
}

/** Takes the prepared files of one collection folder, which only one sync may use. */
function takePrepared(folder: string): ContentSource[] | undefined {
  const store = (globalThis as { [PREPARED]?: PreparedStore })[PREPARED];
  const key = path.resolve(folder);
  const sources = store?.get(key);
  store?.delete(key);
  return sources;
}

/** Minimum number of bodies per thread; below it, a worker's start-up costs more than it saves. */
const MIN_BODIES_PER_THREAD = 1000;

/**
 * Loads the Markdown and MDX entries of one collection folder. In a build, the files come from
 * validation, which has read them already, and new Markdown bodies render on several threads.
 * Elsewhere, as in `astro dev`, Astro's glob loader reads the folder and watches it.
 */
export function contentLoader(folder: string): Loader {
  const fallback = glob({
    pattern: ENTRY_PATTERN,
    base: pathToFileURL(folder + path.sep),
    generateId: ({ entry }) => entryIdFromPath(entry),
  });
  return {
    name: 'okr-portal-content',
    load: async (context) => {
      const sources = takePrepared(folder);
      if (!sources) return fallback.load(context);
      await loadPrepared(sources, context);
    },
  };
}

async function loadPrepared(sources: ContentSource[], context: LoaderContext): Promise<void> {
  const { store, config, parseData, generateDigest } = context;
  const root = fileURLToPath(config.root);
  const untouched = new Set(store.keys());
  const toRender: { entry: Parameters<typeof store.set>[0]; task: BodyTask }[] = [];

  for (const source of sources) {
    untouched.delete(source.id);
    const digest = generateDigest(source.text);
    const filePath = path.relative(root, source.path).split(path.sep).join('/');
    // An entry whose file is unchanged since the cached build keeps its data and rendering.
    const cached = store.get(source.id);
    if (cached && cached.digest === digest && cached.filePath) {
      if (cached.deferredRender) store.addModuleImport(cached.filePath);
      if (cached.assetImports?.length) {
        (store as { addAssetImports?: (assets: string[], file: string) => void }).addAssetImports?.(
          cached.assetImports,
          cached.filePath,
        );
      }
      continue;
    }

    const data = await parseData({
      id: source.id,
      data: source.frontmatter,
      filePath: source.path,
    });
    const body = bodyOf(source.text);
    const entry = { id: source.id, data, body, filePath, digest };
    if (source.path.endsWith('.mdx')) {
      // MDX compiles to a module that Vite builds, as Astro's glob loader leaves it.
      store.set({ ...entry, deferredRender: true });
    } else {
      toRender.push({
        entry,
        task: { body, frontmatter: source.frontmatter, filePath: source.path },
      });
    }
  }

  const rendered = await renderOnThreads(
    toRender.map(({ task }) => task),
    config,
  );
  toRender.forEach(({ entry }, index) => {
    const result = rendered[index]!;
    store.set({ ...entry, rendered: result, assetImports: result.metadata.imagePaths });
  });
  for (const id of untouched) store.delete(id);
}

/**
 * Returns the body as Astro's Markdown content type reads it: the text after the frontmatter,
 * trimmed.
 */
function bodyOf(text: string): string {
  const frontmatter = extractFrontmatter(text);
  return (frontmatter === undefined ? text : text.replace(`---${frontmatter}---`, '')).trim();
}

/** The parts of Astro's configuration that rendering a Markdown body reads. */
type RenderConfig = Pick<LoaderContext['config'], 'markdown' | 'image'>;

/**
 * Renders bodies with the project's Markdown processor, as Astro's Markdown content type does,
 * on the calling thread and, by default for many bodies, on worker threads that build the same
 * processor. Returns the results in the order of `tasks`.
 */
export async function renderOnThreads(
  tasks: BodyTask[],
  config: RenderConfig,
  threads?: number,
): Promise<RenderedBody[]> {
  const { markdown, image } = config;
  const options: AstroMarkdownOptions = {
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  } as AstroMarkdownOptions;
  let renderer: MarkdownRenderer | undefined;
  const runHere = async (batch: BodyTask[]) => {
    renderer ??= await markdown.processor.createRenderer(options);
    return renderBodies(renderer, batch);
  };
  const workers = workersCanRender(config, options);
  return runOnThreads(tasks, {
    worker: new URL('./render-worker.ts', import.meta.url),
    workerData: options,
    runHere,
    threads: workers ? (threads ?? threadsFor(tasks.length, MIN_BODIES_PER_THREAD)) : 1,
    batchSize: 100,
    label: 'Rendering Markdown',
  });
}

/**
 * Tells whether worker threads render as the configured processor does. They build the processor
 * of `src/lib/markdown.ts` again, so they cannot when an integration has added plugins to the
 * configured one, and they need the renderer options to survive structured cloning.
 */
function workersCanRender(config: RenderConfig, options: AstroMarkdownOptions): boolean {
  const configured = config.markdown.processor.options as Record<string, unknown[] | undefined>;
  const rebuilt = createMarkdownProcessor().options as unknown as Record<string, unknown[]>;
  const samePlugins = ['remarkPlugins', 'rehypePlugins'].every(
    (key) => configured[key]?.length === rebuilt[key]?.length,
  );
  if (config.markdown.processor.name !== 'unified' || !samePlugins) return false;
  try {
    structuredClone(options);
    return true;
  } catch {
    return false;
  }
}

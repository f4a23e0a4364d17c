import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';

/** A Markdown body to render, as Astro's Markdown content type renders it. */
export interface BodyTask {
  body: string;
  /** The frontmatter as YAML reads it, which remark plugins can read and extend. */
  frontmatter: Record<string, unknown>;
  /** Absolute path of the file. */
  filePath: string;
}

/** A rendered body in the shape of Astro's `RenderedContent`, which the data store keeps. */
export interface RenderedBody {
  html: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
}

/** Renders bodies one after the other, in order. */
export async function renderBodies(
  renderer: MarkdownRenderer,
  tasks: BodyTask[],
): Promise<RenderedBody[]> {
  const results: RenderedBody[] = [];
  for (const task of tasks) {
    const result = await renderer.render(task.body, {
      frontmatter: task.frontmatter,
      fileURL: pathToFileURL(task.filePath),
    });
    results.push({
      html: result.code,
      metadata: {
        ...result.metadata,
        imagePaths: [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths],
      },
    });
  }
  return results;
}

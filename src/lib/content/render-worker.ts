// Worker thread of the content loader: renders each batch of Markdown bodies it receives with the
// project's Markdown processor and the renderer options in `workerData`.
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { workerData } from 'node:worker_threads';
import { createMarkdownProcessor } from '../markdown.ts';
import { serveBatches } from '../worker-pool.ts';
import { renderBodies, type BodyTask } from './render-body.ts';

const renderer = await createMarkdownProcessor().createRenderer(workerData as AstroMarkdownOptions);
serveBatches((tasks: BodyTask[]) => renderBodies(renderer, tasks));

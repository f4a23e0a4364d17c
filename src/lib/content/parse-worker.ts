// Worker thread of `parseFiles`: reads each batch of files it receives and sends the results back.
import { parentPort } from 'node:worker_threads';
import { parseBatch, type FileTask } from './parse-file.ts';

parentPort!.on('message', async (tasks: FileTask[]) => {
  parentPort!.postMessage(await parseBatch(tasks));
});

// Worker thread of `parseFiles`: reads each batch of files it receives and sends the results back.
import { serveBatches } from '../worker-pool.ts';
import { parseBatch } from './parse-file.ts';

serveBatches(parseBatch);

import { runOnThreads, threadsFor } from '../worker-pool.ts';
import { parseBatch, type FileResult, type FileTask } from './parse-file.ts';

/**
 * Minimum number of files per thread. With fewer, one thread is faster, because each worker
 * spends a few hundred milliseconds loading the schemas and the YAML parser.
 */
const MIN_FILES_PER_THREAD = 1000;

/** Number of threads that {@link parseFiles} uses for `fileCount` files by default. */
export function defaultThreads(fileCount: number): number {
  return threadsFor(fileCount, MIN_FILES_PER_THREAD);
}

/**
 * Reads and checks files on `threads` threads, the calling one included, and returns the results
 * in the order of `tasks`, whatever the threads.
 */
export function parseFiles(
  tasks: FileTask[],
  threads = defaultThreads(tasks.length),
): Promise<FileResult[]> {
  return runOnThreads(tasks, {
    worker: new URL('./parse-worker.ts', import.meta.url),
    runHere: parseBatch,
    threads,
    batchSize: 200,
    label: 'Reading content',
  });
}

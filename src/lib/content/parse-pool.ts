import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseBatch, type FileResult, type FileTask } from './parse-file.ts';

/**
 * Minimum number of files per thread. With fewer, one thread is faster, because each worker
 * spends a few hundred milliseconds loading the schemas and the YAML parser.
 */
const MIN_FILES_PER_THREAD = 1000;

/** Maximum number of threads, the calling one included. Each adds that start-up cost and memory. */
const MAX_THREADS = 4;

/** Files per message to a worker, small enough that the threads finish close together. */
const BATCH_SIZE = 200;

/** Number of threads that {@link parseFiles} uses for `fileCount` files by default. */
export function defaultThreads(fileCount: number): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/**
 * Reads and checks files on `threads` threads: the calling thread and worker threads, which take
 * batches from one queue. Returns the results in the order of `tasks`, whatever the threads.
 * When a worker fails, the calling thread reads its batches again and the worker takes no more.
 */
export async function parseFiles(
  tasks: FileTask[],
  threads = defaultThreads(tasks.length),
): Promise<FileResult[]> {
  if (threads <= 1) return parseBatch(tasks);

  const batches: FileTask[][] = [];
  for (let start = 0; start < tasks.length; start += BATCH_SIZE) {
    batches.push(tasks.slice(start, start + BATCH_SIZE));
  }
  const results: FileResult[][] = [];
  let next = 0;

  const onCallingThread = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await parseBatch(batches[index]!);
      // Lets the workers' results arrive and their next batches leave between two batches here.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Each worker has two batches in hand, so that it starts the next one while the calling
  // thread is still busy with its own batch and has not yet read the worker's results.
  const onWorker = async (worker: WorkerClient) => {
    let failed = false;
    const take = async () => {
      while (!failed && next < batches.length) {
        const index = next++;
        try {
          results[index] = await worker.request(batches[index]!);
        } catch (error) {
          if (!failed) {
            process.stderr.write(
              `Reading content on a worker thread failed (${(error as Error).message}); reading it on the main thread instead.\n`,
            );
          }
          failed = true;
          results[index] = await parseBatch(batches[index]!);
        }
      }
    };
    await Promise.all([take(), take()]);
  };

  const workers = Array.from({ length: threads - 1 }, () => new WorkerClient());
  try {
    await Promise.all([onCallingThread(), ...workers.map(onWorker)]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}

/** A worker thread, which returns the results of each batch in the order it received them. */
class WorkerClient {
  readonly #worker = new Worker(new URL('./parse-worker.ts', import.meta.url));
  readonly #pending: {
    resolve: (results: FileResult[]) => void;
    reject: (error: Error) => void;
  }[] = [];

  constructor() {
    this.#worker.on('message', (results: FileResult[]) => this.#pending.shift()?.resolve(results));
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) =>
      this.#failAll(new Error(`the worker exited with code ${code}`)),
    );
  }

  /** Sends a batch and waits for its results. */
  request(tasks: FileTask[]): Promise<FileResult[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#worker.postMessage(tasks);
    });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  #failAll(error: Error) {
    for (const request of this.#pending.splice(0)) request.reject(error);
  }
}

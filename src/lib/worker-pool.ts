import os from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/** Maximum number of threads, the calling one included. Each adds start-up cost and memory. */
const MAX_THREADS = 4;

/**
 * Number of threads for `itemCount` items when a thread pays off only from `minPerThread` items
 * on: one per CPU core, up to {@link MAX_THREADS}, and at least one.
 */
export function threadsFor(itemCount: number, minPerThread: number): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.floor(itemCount / minPerThread)));
}

export interface PoolOptions<T, R> {
  /** Module of the worker threads; it calls {@link serveBatches}. */
  worker: URL;
  /** Sent to each worker as `workerData`; it must survive structured cloning. */
  workerData?: unknown;
  /** Does the same work as a worker, on the calling thread. */
  runHere: (batch: T[]) => Promise<R[]>;
  /** Threads, the calling one included. */
  threads: number;
  /** Items per message to a worker, small enough that the threads finish close together. */
  batchSize: number;
  /** Name of the work in the message printed when a worker fails, such as "Reading content". */
  label: string;
}

/**
 * Runs `items` in batches on the calling thread and `threads - 1` worker threads, which take
 * batches from one queue, and returns the results in the order of `items`. When a worker fails,
 * the calling thread runs its batches again and the worker takes no more.
 */
export async function runOnThreads<T, R>(items: T[], options: PoolOptions<T, R>): Promise<R[]> {
  const { runHere, threads, batchSize, label } = options;
  if (threads <= 1) return runHere(items);

  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    batches.push(items.slice(start, start + batchSize));
  }
  const results: R[][] = [];
  let next = 0;

  const onCallingThread = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await runHere(batches[index]!);
      // Lets the workers' results arrive and their next batches leave between two batches here.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Each worker has two batches in hand, so that it starts the next one while the calling
  // thread is still busy with its own batch and has not yet read the worker's results.
  const onWorker = async (worker: WorkerClient<T, R>) => {
    let failed = false;
    const take = async () => {
      while (!failed && next < batches.length) {
        const index = next++;
        try {
          results[index] = await worker.request(batches[index]!);
        } catch (error) {
          if (!failed) {
            process.stderr.write(
              `${label} on a worker thread failed (${(error as Error).message}); doing it on the main thread instead.\n`,
            );
          }
          failed = true;
          results[index] = await runHere(batches[index]!);
        }
      }
    };
    await Promise.all([take(), take()]);
  };

  const workers = Array.from(
    { length: threads - 1 },
    () => new WorkerClient<T, R>(options.worker, options.workerData),
  );
  try {
    await Promise.all([onCallingThread(), ...workers.map(onWorker)]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}

/**
 * Runs each batch that the calling thread of {@link runOnThreads} sends and posts back `run`'s
 * results, one batch after the other, so that results leave in the order the batches arrived.
 */
export function serveBatches<T, R>(run: (batch: T[]) => Promise<R[]>): void {
  let previous = Promise.resolve();
  parentPort!.on('message', (batch: T[]) => {
    previous = previous.then(async () => parentPort!.postMessage(await run(batch)));
  });
}

/** A worker thread, which returns the results of each batch in the order it received them. */
class WorkerClient<T, R> {
  readonly #worker: Worker;
  readonly #pending: { resolve: (results: R[]) => void; reject: (error: Error) => void }[] = [];

  constructor(module: URL, workerData: unknown) {
    this.#worker = new Worker(module, { workerData });
    this.#worker.on('message', (results: R[]) => this.#pending.shift()?.resolve(results));
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) =>
      this.#failAll(new Error(`the worker exited with code ${code}`)),
    );
  }

  /** Sends a batch and waits for its results. */
  request(batch: T[]): Promise<R[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#worker.postMessage(batch);
    });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  #failAll(error: Error) {
    for (const request of this.#pending.splice(0)) request.reject(error);
  }
}

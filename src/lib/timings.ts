import { appendFileSync } from 'node:fs';

/** Environment variable that turns phase timings on: the file that receives them. */
export const TIMINGS_ENV = 'OKR_TIMINGS';

/** One line of the timings file. */
export interface TimingEvent {
  /** Phase boundary, such as `astro:build:start` or `score:end`. */
  event: string;
  /** Milliseconds since the Unix epoch, from the system clock (`Date.now()`). */
  time: number;
  /** Process that recorded the event. */
  pid: number;
  /** Resident set size of that process at the event, in bytes. */
  rssBytes: number;
  /** Bytes of the V8 heap in use at the event. */
  heapUsedBytes: number;
  /** Counts that go with the event, such as the number of pages Pagefind indexed. */
  detail?: Record<string, number>;
}

/**
 * Appends a phase boundary to the file that `OKR_TIMINGS` names, as one line of JSON. Does
 * nothing when the variable is unset. The time comes from the system clock, which all processes
 * share, so events compare with the time a benchmark started the build. The sum of
 * `performance.timeOrigin` and `performance.now()` can drift from that clock in a long-running
 * process: a benchmark that had run for an hour saw phases off by several seconds.
 */
export function recordTiming(event: string, detail?: Record<string, number>): void {
  const file = process.env[TIMINGS_ENV];
  if (!file) return;
  const memory = process.memoryUsage();
  const line: TimingEvent = {
    event,
    time: Date.now(),
    pid: process.pid,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  };
  if (detail) line.detail = detail;
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

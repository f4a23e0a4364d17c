const DAY_MS = 86_400_000;

/** Parses a `YYYY-MM-DD` calendar day as midnight UTC, so day arithmetic ignores time zones. */
export function dayToTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Number of days from `from` to `to`; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToTime(to) - dayToTime(from)) / DAY_MS);
}

/** Formats a local `Date` as its calendar day in the machine's time zone. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Returns the calendar day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return new Date(dayToTime(day) + count * DAY_MS).toISOString().slice(0, 10);
}

const HOUR_MS = 3_600_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonParts(instant: number): Record<string, string> {
  return Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
}

/** The London wall-clock reading at an instant, written as if it were UTC (for comparison). */
function londonWallMs(instant: number): number {
  const p = londonParts(instant);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/**
 * A `datetime-local` value is what the person read on a UK clock, with no offset. It is
 * GMT or BST depending on the date: try both and keep the reading London really showed.
 * In the October hour that happens twice, the first (BST) is taken; in the March hour that
 * never happens, nothing matches and the time is refused (undefined).
 */
export function londonLocalToUtc(value: string): string | undefined {
  const m = LOCAL.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59) return undefined;
  const instant = [wall - HOUR_MS, wall].find((t) => londonWallMs(t) === wall);
  return instant === undefined ? undefined : new Date(instant).toISOString();
}

/** The value a `datetime-local` input shows for an instant: its London wall-clock time. */
export function utcToLondonLocal(instant: string | Date): string {
  const p = londonParts(new Date(instant).getTime());
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

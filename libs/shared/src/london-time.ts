const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/**
 * People read deadlines in UK time with the zone named: `30 March 2027, 11:00 BST`.
 * en-GB names the zones GMT and BST; some ICU builds say GMT+1 for summer time.
 */
export function formatLondon(instant: Date): string {
  const parts = Object.fromEntries(londonFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const zone = parts.timeZoneName === 'GMT+1' ? 'BST' : parts.timeZoneName;
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} ${zone}`;
}

const londonYearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' });

/** The calendar year in the UK at an instant (references are numbered per UK year). */
export function londonYear(instant: Date): number {
  // One formatter for the process: each new Intl formatter holds native memory a while.
  return Number(londonYearFormat.format(instant));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/**
 * RSS 2.0 dates: RFC 822 §5 with a four-digit year (RFC 1123 §5.2.14) and a numeric zone,
 * e.g. `Fri, 04 Jul 2025 14:30:00 +0000`. Not `Date#toUTCString()`, which writes `GMT`.
 */
export function rfc822(date: Date): string {
  const day = DAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const time = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map(pad).join(':');
  return `${day}, ${pad(date.getUTCDate())} ${month} ${date.getUTCFullYear()} ${time} +0000`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

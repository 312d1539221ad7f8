import { NormalisationError } from '../normalisation-error';

/** RFC 3339 §5.6 date-time; §5.6 NOTE allows `t`, `z` and, by agreement, a space for `T`. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 time in any offset as UTC with milliseconds (`2025-07-04T14:30:00.000Z`), so that
 * times compare as strings. Date.parse is not used to check the date: it rolls 30 February over
 * to March. A leap second (`23:59:60`, RFC 3339 §5.7) is the next second, as in POSIX time;
 * digits beyond milliseconds are dropped.
 */
export function utcTime(value: string, field: string): string {
  const m = DATE_TIME.exec(value.trim());
  if (!m) throw new NormalisationError(field, `${JSON.stringify(value)} is not an RFC 3339 time`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((m[7] ?? '.').slice(1).padEnd(3, '0').slice(0, 3));
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    Number(m[10] ?? 0) <= 23 &&
    Number(m[11] ?? 0) <= 59;
  if (!valid) throw new NormalisationError(field, `${JSON.stringify(value)} is not a valid time`);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

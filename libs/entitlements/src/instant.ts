/**
 * An article time (RFC 3339, as the normaliser writes it) as a Date. A time that does not parse
 * throws rather than reading as "no embargo" or "no expiry": either would widen distribution.
 */
export function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`${field} is not a time: ${JSON.stringify(value)}`);
  }
  return date;
}

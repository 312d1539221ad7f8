/** An RFC 3339 time of the model as a Date; a value that is not one is a bug upstream, said loudly. */
export function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`${field} is not an RFC 3339 time: ${value}`);
  return date;
}

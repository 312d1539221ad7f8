/**
 * Compares two lists and reports only the first difference (index and both values), so a failure
 * among hundreds of 100 KB texts stays readable.
 */
export function expectSame<T>(label: string, actual: readonly T[], expected: readonly T[]): void {
  expect({ label, count: actual.length }).toEqual({ label, count: expected.length });
  const index = actual.findIndex((value, i) => !isEqual(value, expected[i]));
  if (index >= 0) {
    expect({ label, index, value: actual[index] }).toEqual({
      label,
      index,
      value: expected[index],
    });
  }
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

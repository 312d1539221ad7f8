/** An `xs:decimal` lexical form (no exponent, unlike `String(1e-7)`), at most six places (≈ 0.1 m for coordinates). */
export function decimal(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return value.toFixed(6).replace(/\.?0+$/, '');
}

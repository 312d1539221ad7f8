import type { Coding } from '../cache/representation';

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the acceptable one with the
 * highest q, brotli before gzip before identity on ties (smallest first). No header: identity.
 * `*` stands for every coding not named; identity is acceptable unless refused (q=0) explicitly
 * or through `*;q=0`.
 */
export function chooseCoding(header: string | undefined): Coding {
  if (header === undefined || header.trim() === '') return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  const star = weights.get('*');
  const weightOf = (coding: Coding): number =>
    weights.get(coding) ?? star ?? (coding === 'identity' ? 0.001 : 0);
  const ranked = (['br', 'gzip', 'identity'] as const)
    .map((coding) => ({ coding, weight: weightOf(coding) }))
    .filter((candidate) => candidate.weight > 0);
  let best = ranked[0];
  for (const candidate of ranked) if (best && candidate.weight > best.weight) best = candidate;
  // Nothing acceptable: RFC 9110 §12.5.3 allows answering without a coding rather than 406.
  return best?.coding ?? 'identity';
}

/** Distinct Accept-Encoding values remembered; clients send a handful, each on every request. */
const REMEMBERED = 256;
const chosen = new Map<string, Coding>();

/** chooseCoding, remembered per header value: the hot path parses each value once. */
export function codingOf(header: string | undefined): Coding {
  if (header === undefined) return 'identity';
  let coding = chosen.get(header);
  if (coding === undefined) {
    coding = chooseCoding(header);
    if (chosen.size >= REMEMBERED) chosen.clear();
    chosen.set(header, coding);
  }
  return coding;
}

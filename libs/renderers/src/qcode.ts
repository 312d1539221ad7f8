/**
 * IPTC schemes whose QCodes we expand to URIs for formats that take URIs (Atom category scheme,
 * ninjs `uri`). Aliases as in the IPTC catalog (http://www.iptc.org/std/catalog/).
 */
const SCHEMES: Readonly<Record<string, string>> = {
  medtop: 'http://cv.iptc.org/newscodes/mediatopic/',
  genre: 'http://cv.iptc.org/newscodes/genre/',
};

export interface ExpandedQcode {
  /** The scheme URI, ending with `/`. */
  readonly scheme: string;
  readonly code: string;
}

/** `medtop:11000000` → scheme `http://cv.iptc.org/newscodes/mediatopic/`, code `11000000`; unknown alias → undefined. */
export function expandQcode(qcode: string): ExpandedQcode | undefined {
  const colon = qcode.indexOf(':');
  const scheme = colon > 0 ? SCHEMES[qcode.slice(0, colon)] : undefined;
  return scheme === undefined ? undefined : { scheme, code: qcode.slice(colon + 1) };
}

/** NewsML-G2 `QCodeType` (pattern `[^\s:]+:[^\s]+`). */
export function isQcode(value: string): boolean {
  return /^[^\s:]+:\S+$/u.test(value);
}

import type { Representation } from '../cache/representation';

/** What a service hands a controller to send: the cached bytes and the headers around them. */
export interface Served {
  readonly representation: Representation | undefined;
  /** e.g. `private, max-age=0, must-revalidate` or `public, max-age=30`. */
  readonly cacheControl: string;
  /** RFC 8288 Link header values, e.g. `<https://hub>; rel="hub"`. */
  readonly links?: readonly string[];
}

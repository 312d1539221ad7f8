import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { AddressCache } from './address-cache';
import type { AddressPolicy } from './address-policy';

/** A URL or address the policy refuses: permanent, the same request would be refused again. */
export class RefusedAddressError extends Error {
  readonly code = 'EREFUSEDADDRESS';
}

/**
 * A `lookup` for http.request that resolves the name and refuses it when any of its addresses is
 * refused: the connection then goes to an address that was checked, so DNS rebinding (a name that
 * answered a public address at configuration and a private one now) cannot slip between check and use.
 */
export function safeLookup(
  policy: AddressPolicy,
  cache: AddressCache = new AddressCache(),
): LookupFunction {
  return (hostname, options, callback) => {
    const family = (options as { family?: number | string }).family;
    const wanted =
      family === 4 || family === 'IPv4' ? 4 : family === 6 || family === 'IPv6' ? 6 : 0;
    const answer = (list: readonly LookupAddress[]): void => {
      if (!policy.hostAllowed(hostname)) {
        for (const { address } of list) {
          const refusal = policy.refusal(address);
          if (refusal) return callback(new RefusedAddressError(`${hostname}: ${refusal}`), '', 0);
        }
      }
      const [first] = list;
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [...list]);
      } else {
        callback(null, first.address, first.family);
      }
    };
    cache.addresses(hostname).then(
      (all) => answer(all.filter((a) => wanted === 0 || a.family === wanted)),
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

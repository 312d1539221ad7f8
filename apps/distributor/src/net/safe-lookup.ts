import { lookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
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
export function safeLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const list = Array.isArray(addresses) ? addresses : [];
      if (!policy.hostAllowed(hostname)) {
        for (const { address } of list) {
          const refusal = policy.refusal(address);
          if (refusal) return callback(new RefusedAddressError(`${hostname}: ${refusal}`), '', 0);
        }
      }
      const [first] = list;
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy';

/**
 * Checks a webhook or WebSub callback URL when it is configured: http or https only, no
 * credentials in it, and a host whose every address the policy accepts (all of them: a name with
 * one public and one private address could be sent to either). Resolves to the reason it is
 * refused, or undefined. Delivery checks again (safe-lookup.ts).
 */
export async function urlRefusal(text: string, policy: AddressPolicy): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs';
  if (url.username !== '' || url.password !== '') return 'no credentials in the URL';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (policy.hostAllowed(host)) return undefined;
  if (isIP(host) !== 0) return policy.refusal(host);
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return `${host} does not resolve`;
  }
  for (const { address } of addresses) {
    const refusal = policy.refusal(address);
    if (refusal) return `${host}: ${refusal}`;
  }
  return undefined;
}

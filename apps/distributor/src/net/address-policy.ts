import { BlockList, isIP } from 'node:net';
import type { AllowList } from '../config/allow-list';

/**
 * Addresses a webhook may not reach unless allowed (SSRF): the special-purpose ranges of the IANA
 * registries that are not globally reachable (RFC 6890 and its updates): this-network, private
 * (RFC 1918), shared (RFC 6598), loopback, link-local, documentation, benchmarking, multicast,
 * reserved; IPv6 loopback, unspecified, unique-local (RFC 4193), link-local, multicast,
 * documentation, and the NAT64 and 6to4 prefixes that embed IPv4 addresses.
 */
const BLOCKED: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

export class AddressPolicy {
  private readonly blocked = new BlockList();
  private readonly allowed = new BlockList();
  private readonly allowedHosts: ReadonlySet<string>;

  constructor(allow: AllowList) {
    for (const [address, prefix, family] of BLOCKED)
      this.blocked.addSubnet(address, prefix, family);
    for (const cidr of allow.cidrs) this.allowed.addSubnet(cidr.address, cidr.prefix, cidr.family);
    this.allowedHosts = new Set(allow.hosts);
  }

  /** The host name is on the allow-list: any address it resolves to is accepted. */
  hostAllowed(host: string): boolean {
    return this.allowedHosts.has(host.toLowerCase());
  }

  /** Why this address may not be reached, or undefined when it may. */
  refusal(address: string): string | undefined {
    const family = isIP(address);
    if (family === 0) return `${address} is not an IP address`;
    const v4 = mappedIpv4(address);
    const [plain, type] = v4
      ? [v4, 'ipv4' as const]
      : [address, family === 4 ? ('ipv4' as const) : ('ipv6' as const)];
    if (this.allowed.check(plain, type)) return undefined;
    if (this.blocked.check(plain, type))
      return `${address} is a private, loopback or reserved address`;
    return undefined;
  }
}

/** `::ffff:10.0.0.1` is 10.0.0.1 to the kernel: judge it as IPv4 (RFC 4291 §2.5.5.2). */
function mappedIpv4(address: string): string | undefined {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1];
}

/**
 * DISTRIBUTOR_WEBHOOK_ALLOW: comma-separated CIDRs (`127.0.0.0/8`, `fd00::/8`), addresses, or host
 * names (`hooks.internal.example`) that webhook and WebSub callback URLs may reach even though
 * they are private, loopback or link-local.
 */
export interface AllowList {
  readonly cidrs: readonly {
    readonly address: string;
    readonly prefix: number;
    readonly family: 'ipv4' | 'ipv6';
  }[];
  readonly hosts: readonly string[];
}

const CIDR = /^([0-9a-fA-F.:]+)(?:\/(\d{1,3}))?$/;

export function parseAllowList(text: string): AllowList | undefined {
  const cidrs: AllowList['cidrs'][number][] = [];
  const hosts: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = CIDR.exec(entry);
    const family = match
      ? match[1]?.includes(':')
        ? 'ipv6'
        : /^\d+\.\d+\.\d+\.\d+$/.test(match[1] ?? '')
          ? 'ipv4'
          : undefined
      : undefined;
    if (match && family) {
      const max = family === 'ipv4' ? 32 : 128;
      const prefix = match[2] === undefined ? max : Number(match[2]);
      if (prefix > max) return undefined;
      cidrs.push({ address: match[1] ?? '', prefix, family });
    } else if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(entry)) {
      hosts.push(entry.toLowerCase());
    } else {
      return undefined;
    }
  }
  return { cidrs, hosts };
}

import { parseAllowList } from '../config/allow-list';
import { AddressPolicy } from './address-policy';
import { urlRefusal } from './check-url';

const strict = new AddressPolicy({ cidrs: [], hosts: [] });
const loopbackAllowed = new AddressPolicy(
  parseAllowList('127.0.0.0/8, hooks.internal') ?? { cidrs: [], hosts: [] },
);

describe('webhook URL check', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://10.1.2.3/hook',
    'http://172.20.0.1/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[fe80::1]/hook',
    'http://[fd00::1]/hook',
    'http://[::ffff:10.0.0.1]/hook',
    'http://0.0.0.0/hook',
    'http://localhost/hook',
  ])('refuses %s', async (url) => {
    expect(await urlRefusal(url, strict)).toMatch(/private|loopback|reserved/);
  });

  it('refuses other schemes and credentials', async () => {
    expect(await urlRefusal('ftp://93.184.215.14/x', strict)).toBe('only http and https URLs');
    expect(await urlRefusal('https://u:p@93.184.215.14/x', strict)).toBe(
      'no credentials in the URL',
    );
    expect(await urlRefusal('not a url', strict)).toBe('not a URL');
  });

  it('accepts public addresses, and private ones on the allow-list', async () => {
    expect(await urlRefusal('https://93.184.215.14/hook', strict)).toBeUndefined();
    expect(await urlRefusal('http://127.0.0.1:9999/hook', loopbackAllowed)).toBeUndefined();
    expect(await urlRefusal('http://hooks.internal/hook', loopbackAllowed)).toBeUndefined();
    expect(await urlRefusal('http://10.0.0.1/hook', loopbackAllowed)).toMatch(/private/);
  });

  it('reads the allow-list, refusing what is neither CIDR nor host', () => {
    expect(parseAllowList('127.0.0.0/8,::1/128')?.cidrs).toHaveLength(2);
    expect(parseAllowList('10.0.0.0/33')).toBeUndefined();
    expect(parseAllowList('http://x')).toBeUndefined();
  });
});

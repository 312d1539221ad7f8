import { credentialsMatch } from './credentials';
import { cookieValue, signSession, verifySession } from './session-cookie';

describe('operator sessions', () => {
  const secret = Buffer.from('k'.repeat(32));
  const now = new Date('2026-03-01T12:00:00Z');
  const inAnHour = now.getTime() / 1000 + 3600;

  it('round-trips a signed session', () => {
    const cookie = signSession({ username: 'ana', expires: inAnHour }, secret);
    expect(verifySession(cookie, secret, now)).toEqual({ username: 'ana', expires: inAnHour });
  });

  it('refuses an altered payload, another secret, an expired or malformed cookie', () => {
    const cookie = signSession({ username: 'ana', expires: inAnHour }, secret);
    const [, signature] = cookie.split('.');
    const forged = `${Buffer.from(JSON.stringify({ u: 'root', e: inAnHour })).toString('base64url')}.${signature}`;
    expect(verifySession(forged, secret, now)).toBeUndefined();
    expect(verifySession(cookie, Buffer.from('x'.repeat(32)), now)).toBeUndefined();
    expect(verifySession(cookie, secret, new Date((inAnHour + 1) * 1000))).toBeUndefined();
    for (const bad of [undefined, '', 'abc', 'a.b.c', `${cookie}x`]) {
      expect(verifySession(bad, secret, now)).toBeUndefined();
    }
  });

  it('finds its cookie among others', () => {
    expect(cookieValue('a=1; depeche_ops=x.y=; b=2', 'depeche_ops')).toBe('x.y=');
    expect(cookieValue(undefined, 'depeche_ops')).toBeUndefined();
  });

  it('accepts exactly the configured credentials', () => {
    const expected = { username: 'operator', password: 'correct horse battery' };
    expect(credentialsMatch({ ...expected }, expected)).toBe(true);
    expect(credentialsMatch({ ...expected, password: 'correct horse batter' }, expected)).toBe(
      false,
    );
    expect(credentialsMatch({ ...expected, username: 'Operator' }, expected)).toBe(false);
    expect(credentialsMatch({ username: '', password: '' }, expected)).toBe(false);
  });
});

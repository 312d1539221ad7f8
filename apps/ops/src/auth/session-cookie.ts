import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'depeche_ops';

export interface Session {
  readonly username: string;
  /** Seconds since the epoch. */
  readonly expires: number;
}

/** `<base64url JSON>.<base64url HMAC-SHA256>`: the server keeps no session state. */
export function signSession(session: Session, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify({ u: session.username, e: session.expires }));
  const body = payload.toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The session a cookie carries, or undefined when it is forged, altered or expired. */
export function verifySession(
  cookie: string | undefined,
  secret: Buffer,
  now: Date,
): Session | undefined {
  const [body, signature, extra] = (cookie ?? '').split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { u, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      u?: unknown;
      e?: unknown;
    };
    if (typeof u !== 'string' || typeof e !== 'number') return undefined;
    return e * 1000 > now.getTime() ? { username: u, expires: e } : undefined;
  } catch {
    return undefined;
  }
}

/** HttpOnly: no script reads it; SameSite=Strict: no other site's form can act with it (CSRF). */
export function sessionCookieHeader(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function mac(body: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/**
 * The API key of a request: `Authorization: Bearer <key>` (RFC 6750 §2.1) or `X-API-Key: <key>`.
 * undefined when neither is sent; an empty string when a header is sent but carries nothing usable
 * (a different scheme, no token), which is then refused like a wrong key.
 */
export function apiKeyOf(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): string | undefined {
  const authorization = first(headers.authorization);
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? '';
  }
  const apiKey = first(headers['x-api-key']);
  return apiKey === undefined ? undefined : apiKey.trim();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

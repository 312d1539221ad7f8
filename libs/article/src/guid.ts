/**
 * The one identifier of a story in every format, stable across its versions:
 * `urn:depeche:<provider slug>:<article id>` (RFC 8141 URN; the NSS keeps the id's own characters,
 * percent-encoding anything outside the URN-safe set).
 */
export function articleGuid(provider: string, id: string): string {
  return `urn:depeche:${slug(provider)}:${encodeURIComponent(id)}`;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}

/**
 * RFC 4647 §3.3.1 basic filtering: a range admits a tag equal to it or starting with it followed
 * by `-`, case-insensitively (RFC 5646 §2.1.1). So `fr` admits `fr` and `fr-BE`; `fr-BE` does not
 * admit `fr`. An empty list of ranges admits every language.
 */
export function languageAdmits(ranges: readonly string[], tag: string): boolean {
  if (ranges.length === 0) return true;
  const lowerTag = tag.toLowerCase();
  return ranges.some((range) => {
    const lowerRange = range.toLowerCase();
    return lowerTag === lowerRange || lowerTag.startsWith(`${lowerRange}-`);
  });
}

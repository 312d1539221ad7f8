/** Words as a reader counts them: runs of text holding a letter or digit (« and — alone are not words). */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Words as a reader counts them: runs of text holding a letter or digit (« and — alone are not
 * words). Runs are separated by what `\s` matches. One pass over the text: splitting it into
 * tokens and testing each with a regex cost as much as the rest of the body's plain text.
 */
export function countWords(text: string): number {
  let words = 0;
  let inRun = false;
  let runHasWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (runHasWord) words++;
      inRun = false;
      runHasWord = false;
      continue;
    }
    inRun = true;
    if (!runHasWord && isWordCharacter(text, i, code)) runHasWord = true;
  }
  return inRun && runHasWord ? words + 1 : words;
}

/**
 * `\s`: tab, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000 and U+FEFF (ECMAScript's WhiteSpace and LineTerminator).
 */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const WORD_CHARACTER = /^[\p{L}\p{N}]/u;

function isWordCharacter(text: string, i: number, code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  }
  // À–ÿ but × and ÷: the accented letters of Western European copy.
  if (code >= 0xc0 && code <= 0xff) return code !== 0xd7 && code !== 0xf7;
  // A surrogate pair is one code point: test it whole (𝔘 is a letter).
  return WORD_CHARACTER.test(text.slice(i, i + 2));
}

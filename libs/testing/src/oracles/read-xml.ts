import { join } from 'node:path';
import { PYTHON } from './oracles-dir';
import { runCommand } from './run-command';
import { withTempFiles } from './temp-files';

/** An HTML fragment as libxml2's HTML parser reads it: all its text, and each block's text in order. */
export interface HtmlReading {
  readonly text: string;
  /** Texts of p, h1-h6, li and figcaption elements, in document order. */
  readonly blocks: readonly string[];
}

export interface XmlQueries {
  readonly namespaces?: Readonly<Record<string, string>>;
  /** XPath per name: the string value of every match. */
  readonly text?: Readonly<Record<string, string>>;
  /** XPath per name: every match's string value read as an HTML fragment. */
  readonly html?: Readonly<Record<string, string>>;
}

export interface XmlReading {
  readonly text: Readonly<Record<string, readonly string[]>>;
  readonly html: Readonly<Record<string, readonly HtmlReading[]>>;
}

const SCRIPT = join(__dirname, 'xml_texts.py');

/**
 * Reads texts out of an XML document with libxml2 (lxml), a parser independent of the builder that
 * wrote it: what any conforming reader gets, character for character.
 */
export function readXmlTexts(document: Buffer | string, queries: XmlQueries): Promise<XmlReading> {
  return withTempFiles([document], 'xml', async ([path = '']) => {
    const result = await runCommand(PYTHON, [SCRIPT, 'xml', path], {
      input: JSON.stringify(queries),
    });
    if (result.code !== 0) throw new Error(`xml_texts.py: ${result.stderr}`);
    return JSON.parse(result.stdout) as XmlReading;
  });
}

/** Reads HTML fragments (JSON Feed content_html, ninjs bodies) with libxml2's HTML parser, in one run. */
export function readHtmlTexts(fragments: readonly string[]): Promise<HtmlReading[]> {
  return withTempFiles([JSON.stringify(fragments)], 'json', async ([path = '']) => {
    const result = await runCommand(PYTHON, [SCRIPT, 'html', path]);
    if (result.code !== 0) throw new Error(`xml_texts.py: ${result.stderr}`);
    return JSON.parse(result.stdout) as HtmlReading[];
  });
}

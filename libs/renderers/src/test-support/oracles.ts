/**
 * The oracle wrappers the shared assertions need, passed in by each spec from `@depeche/testing`
 * (a lib's non-test files may not import the testing lib; the specs may). Shapes as there.
 */
export interface Verdict {
  readonly ok: boolean;
  readonly output: string;
}

export interface HtmlReading {
  readonly text: string;
  readonly blocks: readonly string[];
}

export interface Oracles {
  readonly validateNewsml: (...documents: Buffer[]) => Promise<Verdict>;
  readonly validateAtom: (...documents: Buffer[]) => Promise<Verdict>;
  readonly validateJsonFeed: (document: Buffer) => Promise<Verdict>;
  readonly validateNinjsItems: (documents: readonly Buffer[]) => Promise<Verdict>;
  readonly checkFeed: (
    document: Buffer,
    options?: { readonly minEntries?: number },
  ) => Promise<Verdict>;
  readonly readFeedEntries: (document: Buffer) => Promise<{
    readonly bozo: boolean;
    readonly bozoException: string | null;
    readonly entries: readonly {
      readonly title: string | null;
      readonly titleType: string | null;
      readonly id: string | null;
      readonly published: string | null;
      readonly updated: string | null;
    }[];
  }>;
  readonly readXmlTexts: (
    document: Buffer,
    queries: {
      readonly namespaces?: Readonly<Record<string, string>>;
      readonly text?: Readonly<Record<string, string>>;
      readonly html?: Readonly<Record<string, string>>;
    },
  ) => Promise<{
    readonly text: Readonly<Record<string, readonly string[]>>;
    readonly html: Readonly<Record<string, readonly HtmlReading[]>>;
  }>;
  readonly readHtmlTexts: (fragments: readonly string[]) => Promise<HtmlReading[]>;
}

import { STATUS_CODES } from 'node:http';

/** RFC 9457 §3.1: the members of a problem details object. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

/** RFC 9457 §3: the media type of every error the apps answer. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Problem types every app may answer: URNs, stable, for clients to branch on. An app adds its own
 * beside them (feed-api: a bad cursor, a rate limit).
 */
export const PROBLEM_TYPES = {
  badParameter: 'urn:depeche:problem:bad-parameter',
} as const;

export interface ProblemOptions {
  readonly type?: string;
  readonly title?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * An error answered as problem details. Controllers, guards and the services behind them throw
 * it; domain code returns its refusals as values. `type` is `about:blank` (RFC 9457 §4.2.1: the
 * status says it all) unless the problem has a meaning of its own that clients may act on.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: ProblemOptions = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  body(instance?: string): ProblemBody {
    return {
      type: this.options.type ?? 'about:blank',
      title: this.options.title ?? titleOf(this.status),
      status: this.status,
      detail: this.detail,
      ...(instance === undefined ? {} : { instance }),
      ...this.options.extensions,
    };
  }
}

/** RFC 9110 §15.5.14 and §15.5.21 renamed these; node:http still has the RFC 7231 names. */
const RFC_9110_TITLES: Readonly<Record<number, string>> = {
  413: 'Content Too Large',
  422: 'Unprocessable Content',
};

function titleOf(status: number): string {
  return RFC_9110_TITLES[status] ?? STATUS_CODES[status] ?? 'Error';
}

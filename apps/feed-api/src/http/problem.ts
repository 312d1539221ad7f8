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

/** RFC 9457 §3: the media type of every error this API answers. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * An error the API answers as problem details. Services throw it; the global filter writes it.
 * `type` is `about:blank` (RFC 9457 §4.2.1: the status says it all) unless the problem has a
 * meaning of its own that clients may act on (a bad cursor, a rate limit).
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: {
      readonly type?: string;
      readonly title?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly extensions?: Readonly<Record<string, unknown>>;
    } = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  body(instance?: string): ProblemBody {
    return {
      type: this.options.type ?? 'about:blank',
      title: this.options.title ?? STATUS_CODES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      ...(instance === undefined ? {} : { instance }),
      ...this.options.extensions,
    };
  }
}

/** Problem types of this API: URNs, stable, for clients to branch on. */
export const PROBLEM_TYPES = {
  badCursor: 'urn:depeche:problem:bad-cursor',
  badParameter: 'urn:depeche:problem:bad-parameter',
  rateLimited: 'urn:depeche:problem:rate-limited',
  unauthenticated: 'urn:depeche:problem:unauthenticated',
  channelForbidden: 'urn:depeche:problem:channel-forbidden',
  formatForbidden: 'urn:depeche:problem:format-forbidden',
} as const;

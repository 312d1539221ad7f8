/**
 * An error answered as RFC 9457 problem details (application/problem+json). Thrown by controllers
 * and guards only; domain code returns its refusals as values.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly title: string = TITLES[status] ?? 'Error',
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  503: 'Service Unavailable',
};

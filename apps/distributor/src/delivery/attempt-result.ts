/** What one HTTP attempt came to: a response, or no response at all (refused, reset, timed out). */
export type AttemptResult =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfter?: string }
  | {
      readonly kind: 'failure';
      readonly message: string;
      /** The URL's host now resolves to a refused address (DNS rebinding): retrying cannot help. */
      readonly permanent?: boolean;
    };

export function describeResult(result: AttemptResult): string {
  return result.kind === 'response' ? `HTTP ${result.status}` : result.message;
}

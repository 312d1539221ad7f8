/**
 * Input that cannot become a canonical article (an empty headline, a canonical URL that is not
 * http(s)…). A domain error, not an HTTP one: ingest turns it into a dead letter naming `field`,
 * a dotted path into the input as in the contracts' validation errors (`images.0.url`).
 */
export class NormalisationError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'NormalisationError';
  }
}

/** A configuration that cannot be used. Its message names every variable at fault, so start-up stops with a fix in hand. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reasons.join('; ')}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export interface ConfigProblem {
  readonly variable: string;
  readonly reasons: readonly string[];
}

/** One rule a variable broke. */
export interface ConfigProblem {
  readonly variable: string;
  readonly rule: string;
  readonly value: string;
}

/**
 * Start-up must fail on a bad setting, naming it: the message reads
 * `Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")`.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.rule} (got "${p.value}")`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

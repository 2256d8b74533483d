/**
 * A step of the demo that did not go as the story says: the HTTP answer was not the expected
 * status, or the state read afterwards was wrong. The message names the step and the response,
 * and the demo exits non-zero with it.
 */
export class DemoStepFailure extends Error {
  constructor(
    readonly step: string,
    readonly detail: string,
  ) {
    super(`步骤 "${step}" 失败：${detail}`);
    this.name = 'DemoStepFailure';
  }
}

/** Fails the step unless `condition` holds; `what` says what was expected and what was seen. */
export function expectState(step: string, condition: boolean, what: string): void {
  if (!condition) throw new DemoStepFailure(step, what);
}

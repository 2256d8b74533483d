import { DomainError } from '@bihuan/core';
import { ExpectedRevision } from './event-store.port';

/** Another writer got there first. `handleCommand` retries; the API answers 409 when retries run out. */
export class WrongExpectedRevisionError extends DomainError {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(
      'STORE.WRONG_EXPECTED_REVISION',
      `Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`,
      'conflict',
      { streamName, expected: String(expected), actual: String(actual) },
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

export function isWrongExpectedRevision(error: unknown): error is WrongExpectedRevisionError {
  return error instanceof WrongExpectedRevisionError;
}

/** Checks an expectation against the stream's current last revision (-1 / null: no stream). */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'number' && current === expected);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, current ?? 'no_stream');
}

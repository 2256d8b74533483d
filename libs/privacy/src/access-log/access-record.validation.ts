import { ROLES } from '@bihuan/core';
import { privacyError } from '../privacy-errors';
import { ACCESS_ACTIONS, ACCESS_OUTCOMES, AccessRecord } from './access-log.port';

/** Refuses a record that could not be audited later (no purpose, unknown action, bad instant). */
export function assertAccessRecord(record: AccessRecord): void {
  if (typeof record.purpose !== 'string' || record.purpose.trim().length === 0) {
    throw privacyError('PURPOSE_REQUIRED', 'Every access to personal data states its purpose', { field: 'purpose' });
  }
  if (!(ACCESS_ACTIONS as readonly string[]).includes(record.action) || !(ACCESS_OUTCOMES as readonly string[]).includes(record.outcome)) {
    throw new Error(`Invalid access record action/outcome: ${record.action}/${record.outcome}`);
  }
  if (!record.reader || typeof record.reader.id !== 'string' || !(ROLES as readonly string[]).includes(record.reader.role)) {
    throw new Error('An access record needs a reader with an id and a known role');
  }
  if (Number.isNaN(Date.parse(record.at))) throw new Error(`Invalid access instant: ${record.at}`);
}

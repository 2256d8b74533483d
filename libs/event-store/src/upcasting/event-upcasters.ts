import { Upcaster, Upcasters } from './upcasters';

/**
 * DeadlineExtended v1 → v2. v1 had no `extraWorkingDays` until complaints began recording it
 * (still as v1); inspection's extensions never had it. v2 always has it: the working days granted
 * past the previous due date, or null for an extension to a date, which keeps its date when the
 * deadline is recomputed on another calendar.
 */
const deadlineExtendedV1: Upcaster = {
  type: 'DeadlineExtended',
  fromVersion: 1,
  upcast: (data) => ({ ...data, extraWorkingDays: typeof data['extraWorkingDays'] === 'number' ? data['extraWorkingDays'] : null }),
};

/**
 * The project's upcasters: adapters apply them on read by default, and handleCommand stamps the
 * version they end at. Add one here (next to the previous version of the same type) when an
 * event's shape changes; keep the old version's writers' data readable by it.
 */
export const EVENT_UPCASTERS = new Upcasters([deadlineExtendedV1]);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_EVENT_TYPES, INSPECTION_ERRORS, VISIT_EVENT_TYPES } from './index';

/** The event catalogue (docs/events/inspection.md) must name every event type and error code. */
const catalogue = readFileSync(join(__dirname, '../../../../docs/events/inspection.md'), 'utf8');

describe('docs/events/inspection.md', () => {
  it.each([...VISIT_EVENT_TYPES, ...FINDING_EVENT_TYPES])('documents event %s', (type) => {
    expect(catalogue).toContain(`\`${type}\``);
  });

  it.each(Object.keys(INSPECTION_ERRORS))('documents error INSPECTION.%s', (name) => {
    expect(catalogue).toContain(`\`INSPECTION.${name}\``);
  });
});

import { Actor } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import {
  ClaimExternalReference,
  complaintReferenceDecider,
  ExternalReferenceClaimed,
  ReleaseExternalReference,
} from './complaint-reference.decider';

const spec = DeciderSpecification(complaintReferenceDecider);
const inspector: Actor = { id: 'inspector-1', role: 'inspector', unit: 'city-a' };
const NOW = '2025-03-03T01:00:00.000Z';
const meta = { commandId: 'c-1', correlationId: 'c-1', causationId: null, actor: inspector, now: NOW };
const claim = (ticketId: string): ClaimExternalReference => ({
  type: 'ClaimExternalReference',
  data: { reference: '12345-2025-0001', ticketId },
  metadata: meta,
});
const release = (ticketId: string): ReleaseExternalReference => ({
  type: 'ReleaseExternalReference',
  data: { ticketId, reason: 'intake-failed' },
  metadata: meta,
});
const claimed = (ticketId: string): ExternalReferenceClaimed => ({
  type: 'ExternalReferenceClaimed',
  data: { reference: '12345-2025-0001', ticketId, claimedAt: NOW },
});

describe('complaint reference decider', () => {
  it('a free reference is claimed by the first ticket', () => {
    spec
      .given([])
      .when(claim('tk-1'))
      .then([claimed('tk-1')]);
  });

  it('a held reference refuses another ticket with 409 DUPLICATE_REFERENCE', () => {
    spec
      .given([claimed('tk-1')])
      .when(claim('tk-2'))
      .thenThrows('COMPLAINT.DUPLICATE_REFERENCE');
  });

  it('the same ticket claiming again changes nothing', () => {
    spec
      .given([claimed('tk-1')])
      .when(claim('tk-1'))
      .thenNothing();
  });

  it('release frees only the claim it names; the reference may then be claimed again', () => {
    spec
      .given([claimed('tk-1')])
      .when(release('tk-2'))
      .thenNothing();
    spec
      .given([claimed('tk-1')])
      .when(release('tk-1'))
      .then([{ type: 'ExternalReferenceReleased', data: { ticketId: 'tk-1', reason: 'intake-failed' } }]);
    spec
      .given([claimed('tk-1'), { type: 'ExternalReferenceReleased', data: { ticketId: 'tk-1', reason: 'intake-failed' } }])
      .when(claim('tk-2'))
      .then([claimed('tk-2')]);
  });
});

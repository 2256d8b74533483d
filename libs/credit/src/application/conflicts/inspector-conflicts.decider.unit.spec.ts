import { Actor } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { ConflictDeclared, inspectorConflictsDecider, InspectorConflictsCommand } from './inspector-conflicts.decider';

const spec = DeciderSpecification(inspectorConflictsDecider);
const inspector: Actor = { id: 'insp-1', role: 'inspector', unit: 'county-a1' };
const at = '2025-03-03T01:00:00.000Z';
const command = (type: InspectorConflictsCommand['type'], actor: Actor = inspector, institutionId = 'H1'): InspectorConflictsCommand => ({
  type,
  data: { inspectorId: 'insp-1', institutionId, reason: '配偶在该院任职' },
  metadata: { commandId: 'c', correlationId: 'c', causationId: null, actor, now: at },
});
const declared: ConflictDeclared = {
  type: 'ConflictOfInterestDeclared',
  data: { inspectorId: 'insp-1', institutionId: 'H1', reason: '配偶在该院任职', declaredBy: 'insp-1', declaredAt: at },
};

describe('inspector conflicts of interest', () => {
  it('given nothing, when an inspector declares a conflict, then it is recorded once', () => {
    spec.given([]).when(command('DeclareConflict')).then([declared]);
    spec.given([declared]).when(command('DeclareConflict')).thenNothing();
  });

  it('withdraws only a declared conflict', () => {
    spec
      .given([declared])
      .when(command('WithdrawConflict'))
      .thenMatches([{ type: 'ConflictOfInterestWithdrawn' }]);
    spec.given([]).when(command('WithdrawConflict')).thenNothing();
  });

  it('lets an inspector declare only their own conflicts, and no hospital at all', () => {
    spec
      .given([])
      .when(command('DeclareConflict', { ...inspector, id: 'insp-2' }))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(command('DeclareConflict', { id: 'h', role: 'hospital', unit: 'H1' }))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(command('DeclareConflict', { id: 'l', role: 'leader', unit: 'prov' }))
      .then([{ ...declared, data: { ...declared.data, declaredBy: 'l' } }]);
  });
});

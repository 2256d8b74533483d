import { EvidenceFile, fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, hospitalOf, inspector, system } from '../../testing/ethics-test-fixtures';
import { AddEthicsRecord, AttachEthicsEvidence, EthicsArchiveCommand } from './ethics-archive.commands';
import { ethicsArchiveDecider } from './ethics-archive.decider';
import { EthicsArchiveEvent } from './ethics-archive.events';
import { EthicsArchiveState } from './ethics-archive.state';

const decider = ethicsArchiveDecider();
const spec = DeciderSpecification<EthicsArchiveCommand, EthicsArchiveEvent, EthicsArchiveState>(decider);
const opened: EthicsArchiveEvent = {
  type: 'EthicsArchiveOpened',
  data: { staffId: 'S1', institutionId: 'H1', departmentId: 'D1', name: null, openedBy: 'user-H1', implicit: false },
};
const file = (n: number): EvidenceFile => ({
  digest: n.toString(16).padStart(64, '0'),
  size: 100 + n,
  mediaType: 'application/pdf',
  name: `谈话记录-${n}.pdf`,
});
const attach = (f: EvidenceFile, actor = hospitalOf('H1'), institutionId = 'H1') =>
  command<AttachEthicsEvidence>('AttachEvidence', { staffId: 'S1', institutionId, file: f, note: '院内调查' }, actor);
const attached = (f: EvidenceFile, by = 'user-H1'): EthicsArchiveEvent => ({
  type: 'EvidenceAttached',
  data: { file: f, step: 'ethics', note: '院内调查', attachedBy: by },
});
const add = (evidence: string[], actor = hospitalOf('H1')) =>
  command<AddEthicsRecord>(
    'AddEthicsRecord',
    {
      recordId: 'R1',
      staffId: 'S1',
      institutionId: 'H1',
      source: { kind: 'inspection' },
      summary: 'rude to a patient',
      evidence,
      occurredAt: '2025-05-01T02:00:00.000Z',
    },
    actor,
  );

describe('EthicsArchive — evidence (医德档案材料)', () => {
  it('attaches a file for its own institution’s staff, once', () => {
    spec
      .given([opened])
      .when(attach(file(1)))
      .then([attached(file(1))]);
    spec
      .given([opened, attached(file(1))])
      .when(attach(file(1)))
      .thenNothing();
    expect(
      spec
        .given([opened])
        .when(attach(file(2), inspector))
        .events(),
    ).toEqual([attached(file(2), 'insp-1')]);
  });

  it('refuses another institution’s hospital, a mismatched institution, a timer and a file without a description', () => {
    spec
      .given([opened])
      .when(attach(file(1), hospitalOf('H2'), 'H2'))
      .thenThrows('ETHICS.INSTITUTION_FORBIDDEN');
    spec
      .given([opened])
      .when(attach(file(1), inspector, 'H2'))
      .thenThrows('ETHICS.ARCHIVE_INSTITUTION_MISMATCH');
    spec
      .given([opened])
      .when(attach(file(1), system))
      .thenThrows('ETHICS.ROLE_FORBIDDEN');
    spec
      .given([opened])
      .when(attach({ ...file(1), digest: 'x' }))
      .thenThrows('ETHICS.INVALID_EVIDENCE');
  });

  it('opens the archive implicitly for the first file, as for the first record', () => {
    expect(
      spec
        .given([])
        .when(attach(file(1), inspector))
        .events()
        .map((e) => e.type),
    ).toEqual(['EthicsArchiveOpened', 'EvidenceAttached']);
  });

  it('takes a record citing files attached to the archive, and refuses one citing anything else (422 evidence)', () => {
    expect(
      spec
        .given([opened, attached(file(1))])
        .when(add([file(1).digest]))
        .events(),
    ).toMatchObject([{ type: 'EthicsRecordAdded', data: { evidence: [file(1).digest] } }]);
    spec
      .given([opened, attached(file(1))])
      .when(add([file(2).digest]))
      .thenThrows('ETHICS.EVIDENCE_NOT_ATTACHED');
    spec
      .given([opened])
      .when(add(['信函 12 号'], inspector))
      .thenThrows('ETHICS.EVIDENCE_NOT_ATTACHED');
  });

  it('keeps a saga’s record citing its source case as it came', () => {
    expect(
      spec
        .given([opened])
        .when(add(['photo-1'], system))
        .events(),
    ).toMatchObject([{ data: { evidence: ['photo-1'] } }]);
  });

  it('still folds and reads an old record whose evidence is free text', () => {
    const old: EthicsArchiveEvent = {
      type: 'EthicsRecordAdded',
      data: {
        recordId: 'R0',
        staffId: 'S1',
        institutionId: 'H1',
        sourceKind: 'inspection',
        source: { kind: 'inspection' },
        recordKind: null,
        category: null,
        summary: 'old',
        evidence: ['信函 12 号'],
        points: -5,
        vetoItem: null,
        occurredAt: '2024-05-01T02:00:00.000Z',
        year: 2024,
        causedBy: null,
        addedBy: 'user-H1',
        policyVersion: 'p',
      },
    };
    const state = fold(decider, [opened, old, attached(file(1))]);
    expect(state).toMatchObject({ records: { R0: { evidence: ['信函 12 号'] } }, files: { [file(1).digest]: file(1) } });
  });
});

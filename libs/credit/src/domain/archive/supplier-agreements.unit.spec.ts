import { EvidenceFile } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, hospital, open, run, T0 } from '../../testing/credit-test-fixtures';
import { AttachCreditEvidence, CreditArchiveCommand, PledgeCommitment } from './credit-archive.commands';
import { creditArchiveDecider } from './credit-archive.decider';
import { CreditArchiveEvent } from './credit-archive.events';
import { CreditArchiveState } from './credit-archive.state';

const spec = DeciderSpecification<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState>(creditArchiveDecider());
const opened = run([open()]);
const SUPPLIER = { name: '某某医药有限公司', creditCode: '91330100799655058B' };
const SIGNED = '2025-01-10T00:00:00.000Z';
const UNTIL = '2027-01-09T16:00:00.000Z';
const file: EvidenceFile = { digest: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf', name: '廉洁诚信协议（签字版）.pdf' };

const attach = (f: EvidenceFile = file, by = hospital('H1')) =>
  command<AttachCreditEvidence>('AttachEvidence', { institutionId: 'H1', file: f, note: '双方签字盖章' }, by);
const attached = spec.given(opened).when(attach()).events();
const pledge = (over: Partial<PledgeCommitment['data']> = {}, by = hospital('H1')) =>
  command<PledgeCommitment>(
    'PledgeCommitment',
    {
      institutionId: 'H1',
      commitmentId: 'SA1',
      kind: 'supplier-integrity',
      text: '不得给予回扣、不得请吃送礼',
      pledgedAt: SIGNED,
      supplier: SUPPLIER,
      validUntil: UNTIL,
      evidence: [file.digest],
      ...over,
    },
    by,
  );

describe('CreditArchive — 医院与供应商廉洁诚信协议 (supplier agreements)', () => {
  it('keeps the signed agreement’s file on the archive, once', () => {
    expect(attached).toEqual([{ type: 'EvidenceAttached', data: { file, step: 'credit', note: '双方签字盖章', attachedBy: 'user-H1' } }]);
    spec
      .given([...opened, ...attached])
      .when(attach())
      .thenNothing();
    spec
      .given(opened)
      .when(attach({ ...file, digest: 'nope' }))
      .thenThrows('CREDIT.INVALID_EVIDENCE');
    spec
      .given(opened)
      .when(attach(file, { id: 'l', role: 'leader', unit: 'city' }))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec.given([]).when(attach()).thenThrows('CREDIT.ARCHIVE_NOT_FOUND');
  });

  it('records the agreement with its supplier, term and signed file', () => {
    spec
      .given([...opened, ...attached])
      .when(pledge())
      .then([
        {
          type: 'CommitmentPledged',
          data: {
            institutionId: 'H1',
            commitmentId: 'SA1',
            kind: 'supplier-integrity',
            staffId: null,
            text: '不得给予回扣、不得请吃送礼',
            pledgedAt: SIGNED,
            pledgedBy: 'user-H1',
            supplier: SUPPLIER,
            validUntil: UNTIL,
            evidence: [file.digest],
          },
        },
      ]);
  });

  it.each<[Partial<PledgeCommitment['data']>, string]>([
    [{ supplier: null }, 'CREDIT.SUPPLIER_REQUIRED'],
    [{ supplier: { ...SUPPLIER, creditCode: '91330100799655058C' } }, 'CREDIT.CREDIT_CODE_INVALID'],
    [{ supplier: { ...SUPPLIER, name: ' ' } }, 'CREDIT.FIELD_REQUIRED'],
    [{ validUntil: null }, 'CREDIT.DATE_INVALID'],
    [{ validUntil: '2024-12-31T00:00:00.000Z' }, 'CREDIT.TERM_INVALID'],
    [{ staffId: 'S1' }, 'CREDIT.SUPPLIER_NOT_ALLOWED'],
    [{ evidence: ['b'.repeat(64)] }, 'CREDIT.EVIDENCE_NOT_ATTACHED'],
    [{ kind: 'institution' }, 'CREDIT.SUPPLIER_NOT_ALLOWED'],
  ])('refuses %j with %s', (over, code) => {
    spec
      .given([...opened, ...attached])
      .when(pledge(over))
      .thenThrows(code);
  });

  it('leaves other pledges as they were: no supplier, term or file on their event', () => {
    const plain = spec
      .given(opened)
      .when(pledge({ kind: 'institution', supplier: undefined, validUntil: undefined, evidence: undefined }))
      .events();
    expect(Object.keys(plain[0]!.data).sort()).toEqual(
      ['commitmentId', 'institutionId', 'kind', 'pledgedAt', 'pledgedBy', 'staffId', 'text'].sort(),
    );
  });

  it('names the supplier on a breach of the agreement (the breach is the institution’s: the supplier is no subject here)', () => {
    const pledged = run([pledge()], [...opened, ...attached]);
    const breached = spec
      .given(pledged)
      .when(
        command('ReportCommitmentBreach', {
          institutionId: 'H1',
          commitmentId: 'SA1',
          breachId: 'B1',
          description: '供应商向科室主任赠送购物卡',
          occurredAt: T0,
        }),
      )
      .events();
    expect(breached[0]).toMatchObject({
      type: 'CommitmentBreached',
      data: { kind: 'supplier-integrity', supplier: SUPPLIER, staffId: null },
    });
  });
});

import { EvidenceFile, fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { AttachComplaintEvidence } from './complaint-ticket.commands';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { evidenceSubjectOf, neutralEvidenceName } from './complaint-ticket.evidence';
import {
  T,
  TICKET,
  admin,
  atAcknowledged,
  atAnswered,
  atDecided,
  atDispatched,
  cmd,
  citizen,
  hospitalA,
  hospitalB,
  inspector,
  received,
  system,
} from './complaint-ticket.fixtures';

const spec = DeciderSpecification(complaintTicketDecider);
const ANON_SUBJECT = `subj-ticket-${TICKET}`;
const digest = (n: number): string => n.toString(16).padStart(64, '0');

function file(n: number, subjectId = ANON_SUBJECT, over: Partial<EvidenceFile> = {}): EvidenceFile {
  return {
    digest: digest(n),
    size: 1000 + n,
    mediaType: 'image/jpeg',
    name: `投诉材料-${digest(n).slice(0, 8)}.jpg`,
    sealed: { subjectId, storedDigest: digest(1000 + n), storedSize: 1032 + n },
    ...over,
  };
}
const attach = (f: EvidenceFile, by = citizen, limit = 9, note: string | null = null) =>
  cmd<AttachComplaintEvidence>('AttachEvidence', { file: f, note, maxComplainantFiles: limit }, by, T.acknowledged);
const attached = (f: EvidenceFile, step: string, by = citizen): ComplaintTicketEvent => ({
  type: 'EvidenceAttached',
  data: { file: f, step, note: null, attachedBy: by.id },
});
const closed: ComplaintTicketEvent = {
  type: 'ComplaintClosed',
  data: { ticketId: TICKET, outcome: 'answered', rating: null, reason: 'unreachable', closedAt: T.late },
};

describe('ComplaintTicket — evidence (投诉材料)', () => {
  it('takes the complainant’s file sealed under the ticket’s subject, as step complainant', () => {
    spec
      .given([received()])
      .when(attach(file(1), citizen, 9, '收据'))
      .then([{ type: 'EvidenceAttached', data: { file: file(1), step: 'complaint', note: '收据', attachedBy: 'public' } }]);
  });

  it('records a file under a neutral name, never the one it was uploaded under (that would outlive an erasure)', () => {
    spec
      .given([received(true)])
      .when(attach(file(7, 'subj-1', { name: '张三身份证.jpg' })))
      .then([{ type: 'EvidenceAttached', data: { file: file(7, 'subj-1'), step: 'complaint', note: null, attachedBy: 'public' } }]);
    expect(neutralEvidenceName({ digest: 'abcdef0123'.padEnd(64, '0'), mediaType: 'application/pdf' })).toBe('投诉材料-abcdef01.pdf');
    expect(neutralEvidenceName({ digest: digest(1), mediaType: 'application/x-unknown' })).toMatch(/\.bin$/);
  });

  it('seals a named complaint’s files under the complainant’s own subject, an anonymous one under the ticket', () => {
    const named = fold(complaintTicketDecider, [received(true)]);
    const anonymous = fold(complaintTicketDecider, [received()]);
    if (named.status === 'none' || anonymous.status === 'none') throw new Error('not received');
    expect(evidenceSubjectOf(named)).toBe('subj-1');
    expect(evidenceSubjectOf(anonymous)).toBe(ANON_SUBJECT);
    spec
      .given([received(true)])
      .when(attach(file(1)))
      .thenThrows('COMPLAINT.EVIDENCE_NOT_SEALED');
    expect(
      spec
        .given([received(true)])
        .when(attach(file(1, 'subj-1')))
        .events(),
    ).toHaveLength(1);
    spec
      .given([received()])
      .when(attach(file(1, ANON_SUBJECT, { sealed: undefined })))
      .thenThrows('COMPLAINT.EVIDENCE_NOT_SEALED');
  });

  it('answers nothing for the same file again (a retried upload), whoever sends it', () => {
    spec
      .given([received(), attached(file(1), 'complaint')])
      .when(attach(file(1)))
      .thenNothing();
    spec
      .given([received(), attached(file(1), 'complaint')])
      .when(attach(file(1), inspector))
      .thenNothing();
  });

  it('names the step from who attaches and when', () => {
    expect(
      spec
        .given([received()])
        .when(attach(file(1), inspector))
        .events(),
    ).toMatchObject([{ data: { step: 'intake', attachedBy: 'u-insp' } }]);
    expect(
      spec
        .given(atDispatched())
        .when(attach(file(1), admin))
        .events(),
    ).toMatchObject([{ data: { step: 'supervision' } }]);
    expect(
      spec
        .given(atAnswered())
        .when(attach(file(1), inspector))
        .events(),
    ).toMatchObject([{ data: { step: 'followUp' } }]);
    expect(
      spec
        .given(atAcknowledged())
        .when(attach(file(1), hospitalA))
        .events(),
    ).toMatchObject([{ data: { step: 'handling' } }]);
    expect(
      spec
        .given(atDecided())
        .when(attach(file(1), hospitalA))
        .events(),
    ).toMatchObject([{ data: { step: 'handling' } }]);
  });

  it('lets the hospital attach only while it handles its own ticket', () => {
    spec
      .given(atAcknowledged())
      .when(attach(file(1), hospitalB))
      .thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec
      .given([received()])
      .when(attach(file(1), hospitalA))
      .thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec
      .given(atDispatched())
      .when(attach(file(1), hospitalA))
      .thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec
      .given(atAnswered())
      .when(attach(file(1), hospitalA))
      .thenThrows('COMPLAINT.INVALID_TRANSITION');
  });

  it('refuses timers, unknown tickets and closed tickets', () => {
    spec
      .given([received()])
      .when(attach(file(1), system))
      .thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec
      .given([])
      .when(attach(file(1)))
      .thenThrows('COMPLAINT.NOT_FOUND');
    spec
      .given([...atAnswered(), closed])
      .when(attach(file(1)))
      .thenThrows('COMPLAINT.ALREADY_CLOSED');
    spec
      .given([...atAnswered(), closed])
      .when(attach(file(1), inspector))
      .thenThrows('COMPLAINT.ALREADY_CLOSED');
  });

  it('caps the complainant’s own files at the policy number, not the staff’s', () => {
    const two = [received(), attached(file(1), 'complaint'), attached(file(2), 'complaint'), attached(file(3), 'intake', inspector)];
    spec
      .given(two)
      .when(attach(file(4), citizen, 2))
      .thenThrows('COMPLAINT.EVIDENCE_LIMIT_REACHED');
    spec
      .given(two)
      .when(attach(file(2), citizen, 2))
      .thenNothing();
    expect(
      spec
        .given(two)
        .when(attach(file(4), citizen, 3))
        .events(),
    ).toHaveLength(1);
    expect(
      spec
        .given(two)
        .when(attach(file(4), inspector, 2))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a file without a proper description', () => {
    spec
      .given([received()])
      .when(attach(file(1, ANON_SUBJECT, { digest: 'abc' })))
      .thenThrows('COMPLAINT.INVALID_EVIDENCE');
    spec
      .given([received()])
      .when(attach(file(1, ANON_SUBJECT, { size: 0 })))
      .thenThrows('COMPLAINT.INVALID_EVIDENCE');
  });

  it('keeps the files and the complainant’s count in the state', () => {
    const state = fold(complaintTicketDecider, [received(), attached(file(1), 'complaint'), attached(file(2), 'intake', inspector)]);
    expect(state).toMatchObject({ complainantFiles: [digest(1)], evidence: { [digest(1)]: file(1), [digest(2)]: file(2) } });
  });
});

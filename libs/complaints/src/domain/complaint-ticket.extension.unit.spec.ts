import { DeciderSpecification } from '@bihuan/testing';
import { ApproveExtension } from './complaint-ticket.commands';
import { complaintTicketDecider } from './complaint-ticket.decider';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import {
  CALENDAR,
  T,
  TICKET,
  atAcknowledged,
  atAnswered,
  atDecided,
  atDispatched,
  admin,
  cmd,
  hospitalA,
  hospitalB,
  inspector,
  leader,
  system,
} from './complaint-ticket.fixtures';

const spec = DeciderSpecification(complaintTicketDecider);
const requestedAt = '2025-03-06T03:00:00.000Z';
const approvedAt = '2025-03-07T03:00:00.000Z';
const request = (by = hospitalA) => cmd('RequestExtension', { reason: 'Expert panel meets on 14 March' }, by, requestedAt);
const requested: ComplaintTicketEvent = {
  type: 'ComplaintExtensionRequested',
  data: { ticketId: TICKET, round: 1, deadlineId: 'answer-1', reason: 'Expert panel meets on 14 March', requestedAt },
};
const extended = { dueAt: '2025-03-17T15:59:59.999Z', warnAt: ['2025-03-16T16:00:00.000Z'], calendarVersion: CALENDAR };
const approve = (by = leader, terms: ApproveExtension['data']['extended'] = extended) =>
  cmd<ApproveExtension>('ApproveExtension', { extended: terms, extraWorkingDays: 5 }, by, approvedAt);
const deny = (by = inspector, reason = 'The panel is not needed') => cmd('DenyExtension', { reason }, by, approvedAt);

describe('ComplaintTicket — extension (延期)', () => {
  it('the institution requests an extension of the running answer deadline', () => {
    spec.given(atAcknowledged()).when(request()).then([requested]);
    spec.given(atDecided()).when(request()).then([requested]);
  });

  it('an approval moves the answer deadline and keeps who approved it and why', () => {
    spec
      .given([...atAcknowledged(), requested])
      .when(approve())
      .then([
        {
          type: 'ComplaintExtensionApproved',
          data: { ticketId: TICKET, round: 1, deadlineId: 'answer-1', previousDueAt: T.answerDue, dueAt: extended.dueAt, approvedAt },
        },
        {
          type: 'DeadlineExtended',
          data: {
            deadlineId: 'answer-1',
            dueAt: extended.dueAt,
            warnAt: extended.warnAt,
            reason: 'Expert panel meets on 14 March',
            approvedBy: 'u-lead',
            calendarVersion: CALENDAR,
            extraWorkingDays: 5,
          },
        },
      ]);
  });

  it('an approval must say how many working days it grants (so a new calendar can recompute it)', () => {
    const given = spec.given([...atAcknowledged(), requested]);
    given
      .when(cmd<ApproveExtension>('ApproveExtension', { extended, extraWorkingDays: 0 }, leader, approvedAt))
      .thenThrows('COMPLAINT.INVALID_TERMS');
    given
      .when(cmd<ApproveExtension>('ApproveExtension', { extended, extraWorkingDays: 1.5 }, leader, approvedAt))
      .thenThrows('COMPLAINT.INVALID_TERMS');
  });

  it('after an approval, the old due date’s wake-up is stale and the new one counts', () => {
    const history = [
      ...atAcknowledged(),
      requested,
      ...spec
        .given([...atAcknowledged(), requested])
        .when(approve())
        .events(),
    ];
    spec
      .given(history)
      .when(cmd('ExpireDeadline', { deadlineId: 'answer-1', dueAt: T.answerDue }, system, T.answerDue))
      .thenNothing();
    spec
      .given(history)
      .when(cmd('ExpireDeadline', { deadlineId: 'answer-1', dueAt: extended.dueAt }, system, extended.dueAt))
      .thenThrows('COMPLAINT.NEXT_TERMS_REQUIRED');
    spec.given(history).when(approve()).thenThrows('COMPLAINT.NO_EXTENSION_PENDING');
  });

  it('a denial keeps the deadline and closes the request', () => {
    spec
      .given([...atAcknowledged(), requested])
      .when(deny())
      .then([
        {
          type: 'ComplaintExtensionDenied',
          data: { ticketId: TICKET, round: 1, deadlineId: 'answer-1', reason: 'The panel is not needed', deniedAt: approvedAt },
        },
      ]);
    spec
      .given([...atAcknowledged(), requested])
      .when(deny(inspector, ''))
      .thenThrows('COMPLAINT.FIELD_REQUIRED');
  });

  it('one request at a time, with a reason, while the answer deadline runs', () => {
    spec
      .given([...atAcknowledged(), requested])
      .when(request())
      .thenThrows('COMPLAINT.EXTENSION_ALREADY_PENDING');
    spec
      .given(atAcknowledged())
      .when(cmd('RequestExtension', { reason: ' ' }, hospitalA, requestedAt))
      .thenThrows('COMPLAINT.FIELD_REQUIRED');
    const expired: ComplaintTicketEvent = {
      type: 'DeadlineExpired',
      data: { deadlineId: 'answer-1', dueAt: T.answerDue, expiredAt: T.late },
    };
    spec
      .given([...atAcknowledged(), expired])
      .when(request())
      .thenThrows('COMPLAINT.DEADLINE_NOT_RUNNING');
    spec
      .given([...atAcknowledged(), requested, expired])
      .when(approve())
      .thenThrows('COMPLAINT.DEADLINE_NOT_RUNNING');
    spec.given(atDispatched()).when(request()).thenThrows('COMPLAINT.INVALID_TRANSITION');
    spec.given(atAnswered()).when(request()).thenThrows('COMPLAINT.INVALID_TRANSITION');
  });

  it('the new due date must be valid and later than the current one', () => {
    spec
      .given([...atAcknowledged(), requested])
      .when(approve(leader, { ...extended, dueAt: '2025-03-09T15:59:59.999Z' }))
      .thenThrows('COMPLAINT.INVALID_TERMS');
    spec
      .given([...atAcknowledged(), requested])
      .when(approve(leader, { ...extended, calendarVersion: '' }))
      .thenThrows('COMPLAINT.INVALID_TERMS');
  });

  it('only the assigned hospital requests; only an inspector or leader decides', () => {
    spec.given(atAcknowledged()).when(request(hospitalB)).thenThrows('COMPLAINT.NOT_ASSIGNED_INSTITUTION');
    spec.given(atAcknowledged()).when(request(inspector)).thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec
      .given([...atAcknowledged(), requested])
      .when(approve(hospitalA))
      .thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec
      .given([...atAcknowledged(), requested])
      .when(approve(admin))
      .thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    spec
      .given([...atAcknowledged(), requested])
      .when(deny(hospitalA))
      .thenThrows('COMPLAINT.FORBIDDEN_ROLE');
    expect(
      spec
        .given([...atAcknowledged(), requested])
        .when(approve(inspector))
        .events()[0],
    ).toMatchObject({ type: 'ComplaintExtensionApproved' });
  });
});

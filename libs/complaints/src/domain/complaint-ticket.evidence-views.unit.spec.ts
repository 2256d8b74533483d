import { Actor, EvidenceFile, Reader, ViewedMessage } from '@bihuan/core';
import { complaintTicketVisibility } from './complaint-ticket.visibility';
import { citizen, hospitalA, inspector } from './complaint-ticket.fixtures';

const reader = (actor: Actor): Reader => ({ actor, covers: () => true });
const owned = complaintTicketVisibility.initialState;
const see = (by: Actor, message: ViewedMessage) => complaintTicketVisibility.viewMessage!(reader(by), message, owned);
const seeState = (by: Actor, state: object) => complaintTicketVisibility.viewState!(reader(by), state, owned);
const file: EvidenceFile = {
  digest: 'a'.repeat(64),
  size: 2048,
  mediaType: 'image/jpeg',
  name: '张三身份证.jpg',
  sealed: { subjectId: 'subj-1', storedDigest: 'b'.repeat(64), storedSize: 2080 },
};
const attachedBy = (by: Actor) => ({
  type: 'EvidenceAttached',
  data: { file, step: 'complaint', note: null, attachedBy: by.id },
  metadata: { actor: by },
});

describe('ComplaintTicket — what readers see of its files', () => {
  it('shows the hospital a complainant’s or commission file without its name or subject', () => {
    for (const by of [citizen, inspector]) {
      const seen = see(hospitalA, attachedBy(by));
      expect(seen?.data).toEqual({
        file: { digest: file.digest, size: 2048, mediaType: 'image/jpeg', sealed: { storedDigest: 'b'.repeat(64), storedSize: 2080 } },
        step: 'complaint',
        note: null,
        attachedBy: by.id,
      });
    }
  });

  it('keeps the hospital’s own file name, and everything for commission readers', () => {
    expect(see(hospitalA, attachedBy(hospitalA))?.data).toMatchObject({
      file: { name: '张三身份证.jpg' },
    });
    expect(see(inspector, attachedBy(citizen))?.data).toMatchObject({
      file: { name: '张三身份证.jpg', sealed: { subjectId: 'subj-1' } },
    });
  });

  it('lists the ticket’s files to a hospital without names in the state view', () => {
    const state = { status: 'acknowledged', evidence: { [file.digest]: file } };
    expect(seeState(hospitalA, state)).toMatchObject({
      evidence: { [file.digest]: { digest: file.digest, size: 2048 } },
    });
    const seen = seeState(hospitalA, state) as { evidence: Record<string, object> };
    expect(seen.evidence[file.digest]).not.toHaveProperty('name');
    expect(seeState(inspector, state)).toBe(state);
  });
});

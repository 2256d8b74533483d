import { historyData } from './complaint-tickets.projection';

describe('history rows of a ticket', () => {
  it('keep a file’s description but not the subject it is sealed under', () => {
    const file = { digest: 'a'.repeat(64), size: 10, mediaType: 'image/jpeg', name: '收据.jpg' };
    const sealed = { subjectId: 'subj-1', storedDigest: 'b'.repeat(64), storedSize: 42 };
    expect(historyData('EvidenceAttached', { file: { ...file, sealed }, step: 'complaint', note: null, attachedBy: 'public' })).toEqual({
      file: { ...file, sealed: { storedDigest: 'b'.repeat(64), storedSize: 42 } },
      step: 'complaint',
      note: null,
      attachedBy: 'public',
    });
    expect(historyData('EvidenceAttached', { file, step: 'ethics', note: null, attachedBy: 'u' })).toMatchObject({ file });
  });
});

import { fold } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { publicNoticeDecider } from './public-notice.decider';
import { RevisePublicNoticeDraft } from './public-notice.messages';
import { CONTENT, cmd, draft, draftData, history, hospital, inspector, leader, markCorrected, publish, T0 } from './public-notice.fixtures';
import { decideNoticeRead } from './public-notice.visibility';

const spec = DeciderSpecification(publicNoticeDecider);
const revise = (data: Partial<RevisePublicNoticeDraft['data']>) =>
  cmd<RevisePublicNoticeDraft>('RevisePublicNoticeDraft', { noticeId: 'n-1', ...data });
const refusal = (field: string, code: string) => expect.objectContaining({ code, details: expect.objectContaining({ field }) });

describe('PublicNotice decider — drafts', () => {
  it('records a draft by an inspector or a leader, once', () => {
    expect(spec.given([]).when(draft()).events()).toEqual([
      { type: 'PublicNoticeDrafted', data: { ...draftData(), draftedBy: 'u-leader-1', draftedAt: T0 } },
    ]);
    expect(spec.given([]).when(draft({}, inspector)).events()).toHaveLength(1);
    spec.given([]).when(draft({}, hospital)).thenThrows('NOTICE.ROLE_FORBIDDEN');
    spec
      .given(history([draft()]))
      .when(draft())
      .thenThrows('NOTICE.ALREADY_EXISTS');
  });

  it('asks a period of the periodic kinds and a campaign of a campaign summary, naming the field at fault', () => {
    const decide = (change: Parameters<typeof draftData>[0]) => () =>
      publicNoticeDecider.decide(draft(change), publicNoticeDecider.initialState);
    expect(decide({ period: null })).toThrow(refusal('period', 'NOTICE.FIELD_REQUIRED'));
    expect(decide({ period: { from: '2025-03-31', to: '2025-03-01' } })).toThrow(refusal('period.to', 'NOTICE.PERIOD_INVALID'));
    expect(decide({ period: { from: '2025-02-30', to: '2025-03-01' } })).toThrow(refusal('period.from', 'NOTICE.DATE_INVALID'));
    expect(decide({ campaignId: 'camp-1' })).toThrow(refusal('campaignId', 'NOTICE.CAMPAIGN_NOT_ALLOWED'));
    expect(decide({ kind: 'campaign-summary' })).toThrow(refusal('period', 'NOTICE.PERIOD_NOT_ALLOWED'));
    expect(decide({ kind: 'campaign-summary', period: null })).toThrow(refusal('campaignId', 'NOTICE.FIELD_REQUIRED'));
    expect(decide({ kind: 'campaign-summary', period: null, campaignId: 'camp-1' })()).toHaveLength(1);
    expect(decide({ kind: 'daily-gossip' as never })).toThrow(refusal('kind', 'NOTICE.KIND_UNKNOWN'));
    expect(decide({ title: '通'.repeat(201) })).toThrow(refusal('title', 'NOTICE.TEXT_TOO_LONG'));
    expect(decide({ preface: '  ' })).toThrow(refusal('preface', 'NOTICE.FIELD_REQUIRED'));
    expect(decide({ withdraw: true })).toThrow(refusal('withdraw', 'NOTICE.WITHDRAW_WITHOUT_CORRECTION'));
  });

  it('revises a draft, saying what changed, and records nothing when nothing did', () => {
    const [revised] = spec
      .given(history([draft()]))
      .when(revise({ title: '关于3月投诉举报情况的通报', period: { from: '2025-03-01', to: '2025-03-15' } }))
      .events();
    expect(revised).toMatchObject({
      type: 'PublicNoticeDraftRevised',
      data: { changed: ['title', 'period'], period: { to: '2025-03-15' } },
    });
    spec
      .given(history([draft()]))
      .when(revise({ title: draftData().title }))
      .thenNothing();
    spec
      .given([])
      .when(revise({ title: 'x' }))
      .thenThrows('NOTICE.NOT_FOUND');
  });
});

describe('PublicNotice decider — publication is final', () => {
  it('freezes the content, number and digests with the draft’s facts', () => {
    const [event] = spec
      .given(history([draft()]))
      .when(publish())
      .events();
    expect(event).toMatchObject({
      type: 'PublicNoticePublished',
      data: {
        noticeId: 'n-1',
        issuingUnitId: 'city-1',
        kind: 'complaint-statistics',
        documentNo: '甲卫健监整〔2025〕1号',
        content: CONTENT,
        digest: 'a'.repeat(64),
        documentDigest: 'b'.repeat(64),
        corrects: null,
        publishedBy: 'u-leader-1',
        publishedAt: T0,
      },
    });
    expect(event!.data).not.toHaveProperty('revision');
  });

  it('refuses every change once published (409): another publication, a revision', () => {
    const done = history([draft(), publish()]);
    spec.given(done).when(publish()).thenThrows('NOTICE.ALREADY_PUBLISHED');
    spec
      .given(done)
      .when(revise({ title: '改过的标题' }))
      .thenThrows('NOTICE.ALREADY_PUBLISHED');
    spec.given(done).when(draft()).thenThrows('NOTICE.ALREADY_EXISTS');
  });

  it('refuses content made from an older revision of the draft, and figures of a period not yet over', () => {
    const revised = history([draft(), revise({ title: '新标题' })]);
    spec.given(revised).when(publish()).thenThrows('NOTICE.DRAFT_CHANGED');
    expect(
      spec
        .given(revised)
        .when(publish({ revision: 1 }))
        .events(),
    ).toHaveLength(1);
    spec
      .given(history([draft()]))
      .when(publish({ content: { ...CONTENT, asOf: '2025-03-31T15:00:00.000Z' } }))
      .thenThrows('NOTICE.PERIOD_NOT_OVER');
  });
});

describe('PublicNotice decider — corrections', () => {
  const published = history([draft(), publish()]);

  it('marks a published notice corrected by one correction; the same correction again changes nothing', () => {
    expect(spec.given(published).when(markCorrected('n-2', true)).events()).toEqual([
      {
        type: 'PublicNoticeCorrected',
        data: { noticeId: 'n-1', correctionNoticeId: 'n-2', withdraw: true, markedBy: 'u-leader-1', markedAt: '2025-04-02T02:00:00.000Z' },
      },
    ]);
    const corrected = history([draft(), publish(), markCorrected('n-2')]);
    spec.given(corrected).when(markCorrected('n-2')).thenNothing();
    spec.given(corrected).when(markCorrected('n-3')).thenThrows('NOTICE.ALREADY_CORRECTED');
    const state = fold(publicNoticeDecider, corrected);
    expect(state).toMatchObject({ status: 'published', correctedBy: { correctionNoticeId: 'n-2' }, published: { content: CONTENT } });
  });

  it('corrects only what was published, and the corrected notice stays as it was published', () => {
    spec
      .given(history([draft()]))
      .when(markCorrected())
      .thenThrows('NOTICE.NOT_PUBLISHED');
    const corrected = history([draft(), publish(), markCorrected('n-2')]);
    spec.given(corrected).when(publish()).thenThrows('NOTICE.ALREADY_PUBLISHED');
    spec
      .given(corrected)
      .when(revise({ preface: '改' }))
      .thenThrows('NOTICE.ALREADY_PUBLISHED');
    spec
      .given(published)
      .when(markCorrected('n-2', false, hospital))
      .thenThrows('NOTICE.ROLE_FORBIDDEN');
  });
});

describe('PublicNotice visibility', () => {
  const reader = (actor: typeof leader, covers: string[]) => ({ actor, covers: (unit: string) => covers.includes(unit) });
  it('opens a notice’s stream to the commission over its issuing unit only', () => {
    expect(decideNoticeRead(reader(leader, ['city-1']), { issuingUnitId: 'city-1' }).kind).toBe('granted');
    expect(decideNoticeRead(reader(inspector, ['county-9']), { issuingUnitId: 'city-1' }).kind).toBe('forbidden');
    expect(decideNoticeRead(reader(hospital, ['inst-1']), { issuingUnitId: 'city-1' }).kind).toBe('forbidden');
    expect(decideNoticeRead(reader(leader, ['city-1']), { issuingUnitId: null }).kind).toBe('hidden');
  });
});

import { fold } from '@bihuan/core';
import { publicNoticeDecider } from '../domain/public-notice.decider';
import { draft, history } from '../domain/public-notice.fixtures';
import { DraftRecord } from '../domain/public-notice.state';
import { contentDigest, noticeContent } from './notice-content';

const draftOf = (change: Parameters<typeof draft>[0] = {}): DraftRecord => {
  const state = fold(publicNoticeDecider, history([draft(change)]));
  if (state.status !== 'draft') throw new Error('a draft');
  return state.draft;
};
const ISSUE = { documentNo: '甲卫健监整〔2025〕3号', issuingUnitName: '甲市卫生健康委员会', asOf: '2025-03-31T16:30:00.000Z' };
const FIGURES = { tables: [], notes: ['投诉人的个人信息不予公开。'] };

describe('a notice’s content and digest', () => {
  it('prints the preface’s non-blank lines as paragraphs and the Beijing day of the instant read', () => {
    const content = noticeContent(draftOf({ preface: '  第一段。\r\n\n第二段。 \n' }), ISSUE, FIGURES);
    expect(content).toMatchObject({
      preface: ['第一段。', '第二段。'],
      issuedOn: '2025-04-01',
      documentNo: ISSUE.documentNo,
      corrects: null,
    });
  });

  it('names the notice a correction corrects, and whether it withdraws it', () => {
    const corrects = { noticeId: 'n-0', documentNo: '甲卫健监整〔2025〕1号', title: '原通报' };
    expect(noticeContent(draftOf({ corrects, withdraw: true }), ISSUE, FIGURES).corrects).toEqual({
      documentNo: corrects.documentNo,
      title: '原通报',
      withdraw: true,
    });
  });

  it('hashes the content whatever order its keys were stored in, and changes with any printed text', () => {
    const content = noticeContent(draftOf(), ISSUE, FIGURES);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(content).reverse()))) as typeof content;
    expect(contentDigest(reordered)).toBe(contentDigest(content));
    expect(contentDigest(content)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentDigest({ ...content, notes: [] })).not.toBe(contentDigest(content));
  });
});

import mammoth from 'mammoth';
import { sm3Hex } from '@bihuan/event-store';
import { CONTENT } from '../domain/public-notice.fixtures';
import { NoticeContent } from '../domain/public-notice.messages';
import { renderPublicNotice } from './public-notice-docx';

const text = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;
const DIGEST = 'c'.repeat(64);

describe('public notice DOCX', () => {
  it('renders the same bytes from the same content, so a download can be checked against the recorded SM3', async () => {
    const [a, b] = [await renderPublicNotice(CONTENT, DIGEST), await renderPublicNotice(CONTENT, DIGEST)];
    expect(sm3Hex(a)).toBe(sm3Hex(b));
    expect(sm3Hex(await renderPublicNotice({ ...CONTENT, title: '另一个标题' }, DIGEST))).not.toBe(sm3Hex(a));
  });

  it('prints the title, number, text, every table cell, the issuing unit, the date and the digest', async () => {
    const out = await text(await renderPublicNotice(CONTENT, DIGEST));
    for (const value of [
      CONTENT.title,
      CONTENT.documentNo,
      CONTENT.preface[0]!,
      '甲市第一人民医院',
      '受理件数',
      '合计',
      '甲市卫生健康委员会',
    ]) {
      expect(out).toContain(value);
    }
    expect(out).toContain('2025年4月1日');
    expect(out).toContain(`本通报内容摘要（SM3）：${DIGEST}`);
  });

  it('says what a correction corrects, or that it withdraws it, and prints an empty table as such', async () => {
    const correction: NoticeContent = {
      ...CONTENT,
      corrects: { documentNo: '甲卫健监整〔2025〕1号', title: '关于3月投诉举报情况的通报', withdraw: true },
      tables: [{ ...CONTENT.tables[0]!, rows: [], totals: null }],
      notes: ['黑名单信息不予公示。'],
    };
    const out = await text(await renderPublicNotice(correction, DIGEST));
    expect(out).toContain('现撤销《关于3月投诉举报情况的通报》（甲卫健监整〔2025〕1号）');
    expect(out).toContain('（无）');
    expect(out).toContain('1. 黑名单信息不予公示。');
  });
});

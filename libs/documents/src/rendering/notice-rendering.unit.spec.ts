import mammoth from 'mammoth';
import { sm3Hex } from '@bihuan/event-store';
import { NOTICE_KINDS } from '@bihuan/inspection';
import { buildDefaultTemplate } from '../templates/default-templates';
import { NoticeFieldValues } from '../templates/notice-fields';
import { inspectTemplate } from '../templates/template-inspection';
import { renderNotice } from './docx-render';

const FIELDS: NoticeFieldValues = {
  title: '整改通知书',
  documentNo: '东城卫健监整〔2026〕12号',
  institutionName: '𠮷祥社区卫生服务中心',
  issuingUnitName: '甲市东城区卫生健康局',
  issueDate: '2025年12月19日',
  category: '收受红包',
  severity: '一般',
  description: '外科病房医生𠮷某收受患者红包 2000 元 😀',
  requiredAction: '限期整改',
  responsibleDepartment: '外科',
  responsiblePerson: '张主任',
  round: '1',
  dueDate: '2026年1月9日',
  workingDays: '15',
  signedOffDate: '',
};

const text = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

describe('notice DOCX rendering', () => {
  it.each(NOTICE_KINDS)('the built-in %s template parses back with every value intact, 𠮷 included', async (kind) => {
    const template = await buildDefaultTemplate(kind);
    expect(inspectTemplate(template)).toContain('documentNo');
    const out = await text(renderNotice(template, { ...FIELDS, signedOffDate: '2026年1月5日' }));
    for (const value of [FIELDS.documentNo, FIELDS.institutionName, FIELDS.issuingUnitName, FIELDS.issueDate, FIELDS.description]) {
      expect(out).toContain(value);
    }
    expect(out).toContain('（盖章）');
    expect(out).not.toMatch(/[{}\uFFFD]/);
  });

  it('prints the deadline in Chinese date form with its working days', async () => {
    const out = await text(renderNotice(await buildDefaultTemplate('rectification-notice'), FIELDS));
    expect(out).toContain('于2026年1月9日前（15个工作日内）整改到位');
    expect(out).toContain(`${FIELDS.institutionName}：`);
  });

  it('gives the same bytes for the same template and values (a download can be regenerated)', async () => {
    const template = await buildDefaultTemplate('summons');
    expect(await buildDefaultTemplate('summons')).toEqual(template);
    const a = renderNotice(template, FIELDS);
    expect(renderNotice(Buffer.from(template), FIELDS)).toEqual(a);
    expect(sm3Hex(renderNotice(template, { ...FIELDS, documentNo: '东城卫健监整〔2026〕13号' }))).not.toBe(sm3Hex(a));
  });

  it('hashes bytes with the chain’s SM3 (same digest as sm3Hex on UTF-8 text)', () => {
    expect(sm3Hex(Buffer.from('𠮷abc', 'utf8'))).toBe(sm3Hex('𠮷abc'));
    expect(sm3Hex(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

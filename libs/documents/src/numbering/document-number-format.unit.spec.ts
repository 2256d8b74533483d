import { DEFAULT_DOCUMENTS_POLICY, unitShortName } from '../documents-policy';
import { assertNumberFormat, formatDocumentNo } from './document-number-format';

const parts = { unitShort: '东城', unitName: '甲市东城区卫生健康局', year: 2026, n: 12 };

describe('document number format (the documents policy)', () => {
  it('formats the default as 东城卫健监整〔2026〕12号', () => {
    expect(formatDocumentNo(DEFAULT_DOCUMENTS_POLICY.numberFormat, parts)).toBe('东城卫健监整〔2026〕12号');
    expect(formatDocumentNo('{unitName}〔{year}〕第{n}号', parts)).toBe('甲市东城区卫生健康局〔2026〕第12号');
  });

  it('numbers 通报 in a series of their own: 东城卫健通〔2026〕12号', () => {
    expect(formatDocumentNo(DEFAULT_DOCUMENTS_POLICY.publicNoticeNumberFormat, parts)).toBe('东城卫健通〔2026〕12号');
  });

  it('names the setting a refused format came from, so the admin knows which to fix', () => {
    expect(() => assertNumberFormat('{unitShort}〔{n}〕', 'documents.publicNoticeNumberFormat')).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ setting: 'documents.publicNoticeNumberFormat', required: ['{year}', '{n}'] }),
      }),
    );
  });

  it.each([
    ['', 'empty'],
    ['{unitShort}卫健监整〔2026〕{n}号', 'no {year}'],
    ['{unitShort}卫健监整〔{year}〕号', 'no {n}'],
    ['{unitShort}〔{year}〕{n}号{seq}', 'unknown placeholder'],
  ])('refuses %j (%s) with 422 DOCUMENTS.NUMBER_FORMAT_INVALID', (format) => {
    expect(() => formatDocumentNo(format, parts)).toThrow(
      expect.objectContaining({ code: 'DOCUMENTS.NUMBER_FORMAT_INVALID', kind: 'rule' }),
    );
  });

  it('takes a unit’s short name from the policy, else its name less the commission’s ending', () => {
    const unit = { id: 'county-a1', name: '甲市东城区卫生健康局' };
    expect(unitShortName(unit, DEFAULT_DOCUMENTS_POLICY)).toBe('甲市东城区');
    expect(unitShortName({ id: 'city-a', name: '甲市卫生健康委员会' }, DEFAULT_DOCUMENTS_POLICY)).toBe('甲市');
    const policy = { ...DEFAULT_DOCUMENTS_POLICY, unitShortNames: [{ unitId: 'county-a1', short: '东卫' }] };
    expect(unitShortName(unit, policy)).toBe('东卫');
  });
});

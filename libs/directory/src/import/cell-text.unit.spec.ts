import { looksLikeScientific, normaliseCode, normaliseHeader, normaliseText, numberCell } from './cell-text';
import { DIRECTORY_ROLE_ENUM, HOSPITAL_GRADE_ENUM, enumerationCode } from './directory-vocabulary';

describe('cell text as offices type it', () => {
  it('makes full-width digits and letters ordinary, trims every kind of space, keeps Chinese punctuation', () => {
    expect(normaliseText('\u3000第１人民医院（ＡＢ院区）\u00A0\u200B')).toBe('第1人民医院（AB院区）');
    expect(normaliseText(' 杭州市\n\n上城区 ')).toBe('杭州市 上城区');
  });

  it('reads codes and phones without spaces and with full-width punctuation made ordinary', () => {
    expect(normaliseCode(' ０５７１－８８８８ ６６６６ ')).toBe('0571-88886666');
    expect(normaliseCode('Ｈ００１\uFEFF')).toBe('H001');
  });

  it('reads decorated headers', () => {
    expect(normaliseHeader('*统一社会信用代码')).toBe('统一社会信用代码');
    expect(normaliseHeader('联系电话（选填）')).toBe('联系电话');
    expect(normaliseHeader('单位 名称(必填)')).toBe('单位名称');
  });

  it('turns numbers back into text, padded by a 0000 format, flagging lost digits', () => {
    expect(numberCell(13812345678)).toEqual({ text: '13812345678', fromNumber: true, lostPrecision: false });
    expect(numberCell(42, '000000').text).toBe('000042');
    expect(numberCell(1.5).text).toBe('1.5');
    expect(numberCell(123456789012345680).lostPrecision).toBe(true);
    expect(looksLikeScientific('1.23457E+17')).toBe(true);
    expect(looksLikeScientific('12E3A')).toBe(false);
  });

  it('finds list values by label, code or alias, and nothing by an object key', () => {
    expect(enumerationCode(DIRECTORY_ROLE_ENUM, '监督员')).toBe('inspector');
    expect(enumerationCode(DIRECTORY_ROLE_ENUM, 'Inspector')).toBe('inspector');
    expect(enumerationCode(HOSPITAL_GRADE_ENUM, '甲')).toBe('jia');
    expect(enumerationCode(DIRECTORY_ROLE_ENUM, 'constructor')).toBeNull();
    expect(enumerationCode(DIRECTORY_ROLE_ENUM, '__proto__')).toBeNull();
  });
});

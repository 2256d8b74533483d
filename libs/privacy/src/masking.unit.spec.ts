import { maskAddress, maskEmail, maskIdentity, maskIdNumber, maskName, maskPhone } from './masking';

describe('masking (脱敏)', () => {
  it('keeps the family name of a Chinese name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
    expect(maskName('𠀋一')).toBe('𠀋*');
  });

  it('keeps the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-12345678')).toBe('010*****5678');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('hides the birth date of an ID number, the local part of an email and the detail of an address', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskEmail('zhangsan@example.cn')).toBe('z*******@example.cn');
    expect(maskEmail('nope')).toBe('****');
    expect(maskAddress('北京市东城区东华门街道 1 号')).toBe('北京市东城区****');
    expect(maskAddress('东城区')).toBe('东**');
  });

  it('masks every field present and adds none', () => {
    expect(maskIdentity({ name: '张三丰', phone: '13812345678' })).toEqual({ name: '张**', phone: '138****5678' });
  });
});

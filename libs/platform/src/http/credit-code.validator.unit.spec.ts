import { validateSync } from 'class-validator';
import { IsCreditCode } from './credit-code.validator';

class Probe {
  @IsCreditCode() code!: unknown;
}

function errorsOf(code: unknown): string[] {
  return validateSync(Object.assign(new Probe(), { code })).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('IsCreditCode', () => {
  it.each(['91330100799655058B', '12990000MB0000001J'])('accepts %s', (code) => {
    expect(errorsOf(code)).toEqual([]);
  });

  it.each(['91330100799655058C', '91330100799655058b', '9133010079965505IB', '91330100', 91330100799655058, null])(
    'refuses %s naming the field and the rule',
    (code) => {
      expect(errorsOf(code)).toEqual(['code must be a unified social credit code (18 characters, GB 32100 check character)']);
    },
  );
});

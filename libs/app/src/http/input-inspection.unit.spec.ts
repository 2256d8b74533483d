import { BadRequestException } from '@nestjs/common';
import { registerDecorator, IsString } from 'class-validator';
import { createValidationPipe } from './validation.pipe';
import { inspectInput, MAX_INPUT_DEPTH } from './input-inspection';

function ThrowsURIError(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'throwsUriError',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate: () => decodeURIComponent('%') !== '' },
    });
}

class Sample {
  @IsString() name!: string;
  @ThrowsURIError() email!: string;
}

describe('inspectInput', () => {
  it('names reserved keys, ill-formed Unicode and excess depth with the pipe’s field paths', () => {
    const body = JSON.parse('{"a":{"b":[{"__proto__":1}]},"toString":2,"s":"\\udfff","ok":"😀"}') as unknown;
    expect(
      inspectInput(body)
        .map(({ field, rule }) => ({ field, rule }))
        .sort((x, y) => x.field.localeCompare(y.field)),
    ).toEqual([
      { field: 'a.b[0].__proto__', rule: 'whitelistValidation' },
      { field: 's', rule: 'wellFormedUnicode' },
      { field: 'toString', rule: 'whitelistValidation' },
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inspectInput(deep)).toEqual([
      { field: `${'[0]'.repeat(MAX_INPUT_DEPTH)}`, rule: 'maxDepth', message: expect.stringContaining(`${MAX_INPUT_DEPTH}`) },
    ]);
    expect(inspectInput({ a: [1, 'x', null, { b: true }] })).toEqual([]);
  });
});

describe('validation pipe', () => {
  it('turns a validator that throws into a 400 naming the field, never a 500', async () => {
    const pipe = createValidationPipe();
    const error = await pipe.transform({ name: 'x', email: 'y' }, { type: 'body', metatype: Sample }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'email', rule: 'URIError' }],
    });
  });
});

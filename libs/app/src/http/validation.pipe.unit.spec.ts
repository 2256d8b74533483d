import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FieldProblem, toErrorBody } from './error-body';
import { inputRefusal } from './input-inspection';
import { createValidationPipe } from './validation.pipe';

class RowDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(8)
  deadline!: string;
}

class DraftDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  institutionId!: string;

  @IsIn(['routine', 'self'])
  kind!: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  @Matches(/^a/)
  code?: string;

  @IsOptional()
  @IsInt()
  rows?: number;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RowDto)
  items?: RowDto[];
}

/** A list judged item by item (`each: true`), with a rule of its own (its size). */
class ReasonsDto {
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(5, { each: true })
  reasons!: string[];
}

const reasonProblems = async (reasons: unknown): Promise<FieldProblem[]> =>
  createValidationPipe()
    .transform({ reasons }, { type: 'body', metatype: ReasonsDto })
    .then(
      () => [],
      (error: BadRequestException) => (error.getResponse() as { fields: FieldProblem[] }).fields,
    );

/** Nothing required: a body that is no object passes class-validator, and Nest refuses it itself. */
class NoteDto {
  @IsOptional()
  @IsString()
  note?: string;
}

const VALID = { institutionId: 'hosp-a1-1', kind: 'routine' };

/** The problems the pipe answers for `body`, or [] when it passes. */
async function problems(body: Record<string, unknown>): Promise<FieldProblem[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: DraftDto });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { fields: FieldProblem[] }).fields;
  }
}

const rulesOf = async (body: Record<string, unknown>): Promise<[string, string][]> => (await problems(body)).map((p) => [p.field, p.rule]);

describe('the validation pipe names the rules a field is refused for, as its reader needs them', () => {
  it('passes a valid body', async () => {
    expect(await problems({ ...VALID, code: 'abc', rows: 2, items: [{ deadline: '12-31' }] })).toEqual([]);
  });

  it('refuses a missing field for being required alone, not for its length or kind', async () => {
    expect(await rulesOf({ kind: 'routine' })).toEqual([['institutionId', 'isNotEmpty']]);
    expect(await rulesOf({ kind: 'routine', institutionId: null })).toEqual([['institutionId', 'isNotEmpty']]);
  });

  it('says a missing field without a presence rule of its own is required (isDefined), in both languages', async () => {
    const [problem] = await problems({ institutionId: 'hosp-a1-1' });
    expect(problem).toEqual({ field: 'kind', rule: 'isDefined', message: 'kind should not be null or undefined' });
    const refusal = inputRefusal([problem!]);
    expect(toErrorBody(refusal).fields).toEqual([{ field: 'kind', rule: 'isDefined', message: '字段 kind 为必填项' }]);
  });

  it('refuses a value of the wrong kind for its kind alone', async () => {
    expect(await rulesOf({ ...VALID, institutionId: 5 })).toEqual([['institutionId', 'isString']]);
    expect(await rulesOf({ ...VALID, code: ['a'] })).toEqual([['code', 'isString']]);
  });

  it('keeps every rule a value of the right kind breaks', async () => {
    expect(await rulesOf({ ...VALID, institutionId: 'x'.repeat(65) })).toEqual([['institutionId', 'maxLength']]);
    expect((await rulesOf({ ...VALID, code: 'b' })).sort()).toEqual([
      ['code', 'matches'],
      ['code', 'minLength'],
    ]);
    expect(await rulesOf({ ...VALID, kind: 'routin' })).toEqual([['kind', 'isIn']]);
  });

  it('applies the same choice to nested fields, named by their path', async () => {
    expect(await rulesOf({ ...VALID, items: [{ deadline: '12-31' }, {}] })).toEqual([['items[1].deadline', 'isNotEmpty']]);
    expect(await rulesOf({ ...VALID, items: [{ deadline: 1231 }] })).toEqual([['items[0].deadline', 'isString']]);
  });

  it('refuses an undeclared key sent as null as undeclared, and a body that is no object as Nest says', async () => {
    expect(await rulesOf({ ...VALID, extra: null })).toEqual([['extra', 'whitelistValidation']]);
    const list = await createValidationPipe()
      .transform('x', { type: 'body', metatype: NoteDto })
      .then(
        () => [],
        (error: BadRequestException) => (error.getResponse() as { fields: FieldProblem[] }).fields.map((p) => p.rule),
      );
    expect(list).toEqual(['isObject']);
  });

  it('still refuses an undeclared field, whatever else is wrong', async () => {
    expect(await rulesOf({ kind: 'routine', extra: 1 })).toEqual(
      expect.arrayContaining([
        ['institutionId', 'isNotEmpty'],
        ['extra', 'whitelistValidation'],
      ]),
    );
  });

  it('names the item of a list that breaks an each-item rule, and refuses each item for what its reader needs', async () => {
    const fields = (ps: FieldProblem[]) => ps.map((p) => [p.field, p.rule]);
    expect(fields(await reasonProblems(['好', '']))).toEqual([['reasons[1]', 'isNotEmpty']]);
    expect(fields(await reasonProblems(['', 5, '太长的退回理由']))).toEqual([
      ['reasons[0]', 'isNotEmpty'],
      ['reasons[1]', 'isString'],
      ['reasons[2]', 'maxLength'],
    ]);
    expect(fields(await reasonProblems(['好', null]))).toEqual([['reasons[1]', 'isNotEmpty']]);
    // The list's own rules stay on the list; an item's beside them.
    expect(fields(await reasonProblems(['好', '好', '好', '']))).toEqual([
      ['reasons', 'arrayMaxSize'],
      ['reasons[3]', 'isNotEmpty'],
    ]);
    // Not a list: refused as a field is.
    expect(fields(await reasonProblems('好'))).toEqual([['reasons', 'isArray']]);
  });

  it('says which item in both languages', async () => {
    const [problem] = await reasonProblems(['好', '太长的退回理由']);
    expect(problem).toEqual({
      field: 'reasons[1]',
      rule: 'maxLength',
      message: 'reasons[1] must be shorter than or equal to 5 characters',
    });
    const refusal = inputRefusal([problem!]);
    expect(toErrorBody(refusal).fields).toEqual([{ field: 'reasons[1]', rule: 'maxLength', message: '字段 reasons[1] 不能超过 5 个字符' }]);
  });
});

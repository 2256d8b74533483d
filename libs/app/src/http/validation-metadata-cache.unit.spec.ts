import { getMetadataStorage, IsInt, IsString, MaxLength, Min, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

class PlanDto {
  @IsString()
  @MaxLength(8)
  name!: string;
}

class GroupedDto {
  @Min(1, { groups: ['strict'] })
  @IsInt({ always: true })
  count!: number;
}

const plan = (name: unknown) => Object.assign(new PlanDto(), { name });

describe('memoized validation metadata (class-validator#2686)', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('answers the same rules as before, from the cache after the first lookup', async () => {
    expect(await validate(plan('短名'))).toEqual([]);
    expect((await validate(plan('x'.repeat(9))))[0]!.constraints).toHaveProperty('maxLength');
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(PlanDto, '', false, false);
    expect(storage.getTargetValidationMetadatas(PlanDto, '', false, false)).toBe(first);
    expect(first.map((m) => m.propertyName)).toEqual(['name', 'name']);
  });

  it('keeps groups apart: a grouped rule applies only when its group is asked for', async () => {
    const zero = Object.assign(new GroupedDto(), { count: 0 });
    expect(await validate(zero, { groups: ['other'] })).toEqual([]);
    expect((await validate(zero, { groups: ['strict'] }))[0]!.constraints).toHaveProperty('min');
    expect(await validate(zero, { groups: ['other'] })).toEqual([]);
  });

  it('sees a class loaded after the first validation, with its ancestor’s rules', async () => {
    await validate(plan('a'));
    class LaterDto extends PlanDto {
      @IsInt()
      size!: number;
    }
    const later = Object.assign(new LaterDto(), { name: 'x'.repeat(9), size: 'big' });
    const problems = (await validate(later)).map((e) => e.property).sort();
    expect(problems).toEqual(['name', 'size']);
  });

  it('wraps the storage once, however often the pipe is made', () => {
    const storage = getMetadataStorage();
    const wrapped = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(wrapped);
  });
});

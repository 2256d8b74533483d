import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EvidenceList, OptionalIdList } from './list-fields';
import { encodeCursor } from '../paging/page-cursor';
import { PageCursor, PageNumber, PageSize } from './page-query';
import { BeijingDateQuery, IsBeijingDay } from './date-query';

class ListQuery {
  @PageNumber() page?: number;
  @PageSize() pageSize?: number;
  @PageCursor() cursor?: string;
  @EvidenceList() evidence?: string[];
  @OptionalIdList(64) inspectorIds?: string[];
}

class PeriodBody {
  @IsBeijingDay() from!: string;
  @BeijingDateQuery('Up to this date', '2026-03-31') to?: string;
}

const rules = (input: object): string[][] => validateSync(plainToInstance(PeriodBody, input)).map((e) => Object.keys(e.constraints ?? {}));

const messages = (input: object): string[][] =>
  validateSync(plainToInstance(ListQuery, input)).map((e) => Object.values(e.constraints ?? {}));

describe('shared HTTP fields', () => {
  it('accepts what a list query or a body leaves out, and paging given as query strings', () => {
    expect(messages({})).toEqual([]);
    expect(messages({ page: '3', pageSize: '200', evidence: ['信函 12 号'] })).toEqual([]);
    expect(messages({ cursor: encodeCursor({ after: [7, 'visit-1'], before: 20 }) })).toEqual([]);
  });

  it('names every broken rule, in the order the API has always reported them', () => {
    expect(messages({ page: 'abc', pageSize: '900' })).toEqual([
      ['page must not be greater than 100000', 'page must not be less than 1', 'page must be an integer number'],
      ['pageSize must not be greater than 200'],
    ]);
    expect(messages({ cursor: 'page-2' })).toEqual([['cursor must be a nextCursor from a previous page of this list']]);
    expect(messages({ evidence: 'x' })).toEqual([['evidence must contain no more than 20 elements', 'evidence must be an array']]);
    expect(messages({ inspectorIds: ['', 'u'.repeat(65)] })).toEqual([
      ['each value in inspectorIds must be shorter than or equal to 64 characters', 'each value in inspectorIds should not be empty'],
    ]);
  });

  it('takes a Beijing day only in the form YYYY-MM-DD and only if the calendar has it', () => {
    expect(rules({ from: '2024-02-29', to: '2026-12-31' })).toEqual([]);
    expect(rules({ from: '2026-02-29' })).toEqual([['isCalendarDay']]);
    expect(rules({ from: '2026-01-01', to: '2026-04-31' })).toEqual([['isCalendarDay']]);
    // A wrong form is the pattern's to refuse, once.
    expect(rules({ from: '2026/02/01' })).toEqual([['matches']]);
    expect(rules({ from: '2026-13-01' })).toEqual([['matches']]);
  });
});

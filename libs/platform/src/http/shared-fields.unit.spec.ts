import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EvidenceList, OptionalIdList } from './list-fields';
import { encodeCursor } from '../paging/page-cursor';
import { PageCursor, PageNumber, PageSize } from './page-query';

class ListQuery {
  @PageNumber() page?: number;
  @PageSize() pageSize?: number;
  @PageCursor() cursor?: string;
  @EvidenceList() evidence?: string[];
  @OptionalIdList(64) inspectorIds?: string[];
}

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
});

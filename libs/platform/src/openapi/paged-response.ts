import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty } from '@nestjs/swagger';

/**
 * One schema per list: `<Item>Page` with `items` and `nextCursor` (keyset paging), so a generated
 * client knows each list's rows. Classes are kept per item type so the name is declared once.
 */
const pages = new Map<Type<unknown>, Type<unknown>>();

export function pageDtoOf<T>(item: Type<T>): Type<{ items: T[]; nextCursor: string | null }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; nextCursor: string | null }>;
  class PageDto {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
    nextCursor!: string | null;
  }
  const name = `${item.name.replace(/Dto$/, '')}PageDto`;
  Object.defineProperty(PageDto, 'name', { value: name });
  pages.set(item, PageDto);
  return PageDto;
}

/** 200 with a page of `item` rows: `{ items, nextCursor }`. */
export function ApiPagedResponse(item: Type<unknown>, description?: string): MethodDecorator & ClassDecorator {
  const page = pageDtoOf(item);
  return applyDecorators(ApiExtraModels(item, page), ApiOkResponse({ type: page, ...(description ? { description } : {}) }));
}

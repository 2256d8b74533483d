import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TODO_KINDS, TodoKind } from './todo-kinds';

/** `GET /me/todos` query: one kind, and a page of the list ordered by urgency. */
export class TodosQueryDto {
  @ApiPropertyOptional({ enum: TODO_KINDS, description: 'Only items of this kind (counts still cover every kind)' })
  @IsOptional()
  @IsIn([...TODO_KINDS])
  kind?: TodoKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

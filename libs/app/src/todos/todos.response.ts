import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TODO_KINDS, TodoKind } from './todo-kinds';

/** One open step waiting on the caller's unit and role (the contexts' open steps share this shape). */
export class TodoItemDto {
  @ApiProperty({ enum: TODO_KINDS }) kind!: TodoKind;
  @ApiProperty({ description: 'Finding, complaint ticket, evaluation, reporting duty, referral or draw id' }) caseId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The institution concerned (a complaint not yet dispatched: the one the complainant named; null: a complaint naming none, or a draw, which is about a jurisdiction)',
  })
  institutionId!: string | null;
  @ApiProperty({ description: 'The unit that must act' }) unitId!: string;
  @ApiProperty({
    description:
      "What the case is, one line in Chinese: a finding's description, a ticket's code and category (never the complainant's words), whose evaluation of which year, which report of which campaign, what was referred and why, when a draw was made",
    example: '门诊病历书写不规范，部分病历缺少上级医师查房记录',
  })
  summary!: string;
  @ApiProperty({ description: 'Console path of the case', example: '/findings/F1' }) link!: string;
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the row last changed (null where the read model keeps no time)' })
  since!: string | null;
  @ApiPropertyOptional({ description: 'Ethics evaluations: the stage it stands at' }) stage?: string;
  @ApiProperty({ example: '整改方案待提交' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days to the due date; negative once past; null without one' })
  workingDaysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
}

/** Items per kind on the caller's list, every kind named. */
const COUNTS_SCHEMA = {
  type: 'object' as const,
  properties: Object.fromEntries(TODO_KINDS.map((kind) => [kind, { type: 'integer' as const }])),
  required: [...TODO_KINDS],
};

/** GET /me/todos: a page of the caller's to-do list (待办), with counts over the whole list. */
export class TodoListDto {
  @ApiProperty({ type: () => [TodoItemDto] }) items!: TodoItemDto[];
  @ApiProperty({ ...COUNTS_SCHEMA, description: 'Items of every kind (before the kind filter and paging)' })
  counts!: Record<TodoKind, number>;
  @ApiProperty() overdue!: number;
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { TodosQueryDto } from './todos.dto';
import { WorkingDaysController } from './working-days.controller';
import { TodosService } from './todos.service';
import { TodoList } from './todo-list';
import { TodoListDto } from './todos.response';

/** The signed-in user's to-do list (待办): docs/todos.md. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class TodosController {
  constructor(@Inject(TodosService) private readonly todos: TodosService) {}

  @Get('todos')
  @Roles('hospital', 'inspector', 'leader', 'admin', 'partner')
  @ApiOperation({
    summary: "Open steps waiting on the caller's unit and role: due date, working days left, overdue first, counts per kind",
  })
  @ApiOkResponse({ type: TodoListDto })
  list(@CurrentActor() actor: Actor, @Query() q: TodosQueryDto): Promise<TodoList> {
    return this.todos.list(actor, { kind: q.kind, page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
  }
}

@Module({ controllers: [TodosController, WorkingDaysController], providers: [TodosService] })
export class TodosModule {}

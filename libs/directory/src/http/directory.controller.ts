import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { CommandReceipt, CommandReceiptDto } from '@bihuan/platform';
import { DirectoryAction, DirectoryRequest } from '../application/directory.handler';
import { DirectoryQueries, UnitView } from '../application/directory.queries';
import { DirectoryPerson, DirectoryStaff, DirectoryUnit } from '../domain/directory.model';
import {
  DirectoryStaffListDto,
  DirectoryUnitDetailDto,
  DirectoryUnitListDto,
  DirectoryUserDto,
  DirectoryUserListDto,
} from './directory.response';
import { CreateDepartmentDto, CreateUnitDto, MoveUnitDto, UpdateDepartmentDto, UpdateUnitDto } from './directory-unit.dto';
import { CreateUserDto, RegisterStaffDto, SetConflictsDto, UserChangesDto, UsersQueryDto } from './directory-user.dto';

/** Readers of the tree: everyone who works in it sees their own subtree. */
const TREE_READERS = ['admin', 'leader', 'inspector', 'hospital', 'partner'] as const;

/**
 * 组织机构与用户: units, departments, users, staff and inspectors' conflicts. Writes are for admins,
 * each within its own subtree (delegated administration, AccessPolicy): 403 AUTH.OUT_OF_SCOPE outside;
 * an inspector's conflicts also for leaders over the inspector's unit and for the inspector themself.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: DirectoryQueries,
  ) {}

  @Get('units')
  @Roles(...TREE_READERS)
  @ApiOperation({ summary: 'The units of the caller’s subtree, parents first (with institution profiles)' })
  @ApiOkResponse({ type: DirectoryUnitListDto })
  units(@CurrentActor() actor: Actor): { units: DirectoryUnit[] } {
    return { units: this.queries.units(actor) };
  }

  @Get('units/:unitId')
  @Roles(...TREE_READERS)
  @ApiOperation({ summary: 'One unit with its children and departments' })
  @ApiOkResponse({ type: DirectoryUnitDetailDto })
  unit(@CurrentActor() actor: Actor, @Param('unitId') unitId: string): UnitView {
    return this.queries.unit(actor, unitId);
  }

  @Post('units')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a unit under a parent of the caller’s subtree' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  createUnit(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto): Promise<CommandReceipt> {
    const { profile, ...unit } = body;
    return this.send(actor, { kind: 'CreateUnit', data: { unit: { ...unit, ...(profile ? { profile: { ...profile } } : {}) } } });
  }

  @Put('units/:unitId')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a unit or change an institution’s profile' })
  @ApiOkResponse({ type: CommandReceiptDto })
  updateUnit(@CurrentActor() actor: Actor, @Param('unitId') unitId: string, @Body() body: UpdateUnitDto): Promise<CommandReceipt> {
    return this.send(actor, {
      kind: 'UpdateUnit',
      data: {
        unitId,
        name: body.name,
        ...(body.profile ? { profile: { ...body.profile } } : {}),
        ...(body.agencyType ? { agencyType: body.agencyType } : {}),
      },
    });
  }

  @Post('units/:unitId/move')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Move a unit (with its subtree) to another parent: every scope check follows at once' })
  @ApiOkResponse({ type: CommandReceiptDto })
  moveUnit(@CurrentActor() actor: Actor, @Param('unitId') unitId: string, @Body() body: MoveUnitDto): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'MoveUnit', data: { unitId, parentId: body.parentId } });
  }

  @Post('units/:unitId/departments')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a department (科室) inside an institution' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  createDepartment(
    @CurrentActor() actor: Actor,
    @Param('unitId') institutionId: string,
    @Body() body: CreateDepartmentDto,
  ): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'CreateDepartment', data: { department: { id: body.id, institutionId, name: body.name } } });
  }

  @Put('departments/:departmentId')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a department' })
  @ApiOkResponse({ type: CommandReceiptDto })
  updateDepartment(
    @CurrentActor() actor: Actor,
    @Param('departmentId') departmentId: string,
    @Body() body: UpdateDepartmentDto,
  ): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'UpdateDepartment', data: { departmentId, name: body.name } });
  }

  @Get('users')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Users of the caller’s subtree, optionally of one unit' })
  @ApiOkResponse({ type: DirectoryUserListDto })
  users(@CurrentActor() actor: Actor, @Query() query: UsersQueryDto): { users: DirectoryPerson[] } {
    return { users: this.queries.users(actor, query.unitId) };
  }

  @Get('users/:userId')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'One user (with an inspector’s conflicts of interest)' })
  @ApiOkResponse({ type: DirectoryUserDto })
  user(@CurrentActor() actor: Actor, @Param('userId') userId: string): DirectoryPerson {
    return this.queries.user(actor, userId);
  }

  @Post('users')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user (the id is the sign-in name)' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<CommandReceipt> {
    const user = { ...body, username: body.id, departmentId: body.departmentId ?? null, status: 'active' as const };
    return this.send(actor, { kind: 'CreateUser', data: { user } });
  }

  @Put('users/:userId')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a user’s name, phone, role, unit or department' })
  @ApiOkResponse({ type: CommandReceiptDto })
  updateUser(@CurrentActor() actor: Actor, @Param('userId') userId: string, @Body() body: UserChangesDto): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'UpdateUser', data: { userId, ...body, departmentId: body.departmentId ?? null } });
  }

  @Post('users/:userId/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable a user: their tokens are refused from the next request on (401)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  disable(@CurrentActor() actor: Actor, @Param('userId') userId: string): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'DisableUser', data: { userId } });
  }

  @Post('users/:userId/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled user again' })
  @ApiOkResponse({ type: CommandReceiptDto })
  enable(@CurrentActor() actor: Actor, @Param('userId') userId: string): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'EnableUser', data: { userId } });
  }

  @Put('users/:userId/conflicts')
  @Roles('admin', 'leader', 'inspector')
  @ApiOperation({
    summary:
      'Set an inspector’s conflicts of interest (institutions the draw never sends them to): admins and leaders over the inspector’s unit, or the inspector for themself',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  conflicts(@CurrentActor() actor: Actor, @Param('userId') userId: string, @Body() body: SetConflictsDto): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'SetInspectorConflicts', data: { userId, conflicts: body.conflicts.map((c) => ({ ...c })) } });
  }

  @Get('staff')
  @Roles('admin', 'leader', 'inspector', 'hospital')
  @ApiOperation({ summary: 'Staff members (医务人员) of the caller’s subtree' })
  @ApiQuery({ name: 'institutionId', required: false })
  @ApiOkResponse({ type: DirectoryStaffListDto })
  staff(@CurrentActor() actor: Actor, @Query('institutionId') institutionId?: string): { staff: DirectoryStaff[] } {
    return { staff: this.queries.staff(actor, institutionId) };
  }

  @Post('staff')
  @Roles('admin')
  @ApiOperation({ summary: 'Register (or change) a staff member of an institution' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  registerStaff(@CurrentActor() actor: Actor, @Body() body: RegisterStaffDto): Promise<CommandReceipt> {
    return this.send(actor, { kind: 'RegisterStaff', data: { staff: { ...body, departmentId: body.departmentId ?? null } } });
  }

  private send(actor: Actor, action: DirectoryAction): Promise<CommandReceipt> {
    return this.commands.execute(new DirectoryRequest(actor, action));
  }
}

import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles } from '@bihuan/auth';
import { Role } from '@bihuan/core';
import { TicketCommandResultDto } from './response.dto';

/**
 * A step on an existing ticket: `POST /complaints/<path>` by the given roles, answering 200 with the
 * ticket's command result. Listed bottom-up, the order a stack written above the method applies them.
 */
export const TicketStep = (path: string, roles: readonly Role[], summary: string): MethodDecorator =>
  applyDecorators(ApiOkResponse({ type: TicketCommandResultDto }), ApiOperation({ summary }), Roles(...roles), HttpCode(200), Post(path));

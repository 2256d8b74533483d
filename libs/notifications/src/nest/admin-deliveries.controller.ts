import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@bihuan/core';
import { Roles, SystemWide } from '@bihuan/auth';
import { DeliveryOutbox } from '../outbox/delivery-outbox';
import { DeliveryView } from '../outbox/delivery-view';
import { DeliveriesQueryDto, DeliveryDto } from './admin-deliveries.dto';

/** Delivery status for admins: what went out, what is retrying, what was dead-lettered (docs/notifications.md). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@SystemWide()
@Controller('admin/deliveries')
export class AdminDeliveriesController {
  constructor(private readonly outbox: DeliveryOutbox) {}

  @Get()
  @ApiOperation({ summary: 'Notification deliveries, newest first: status (queued, sent, retrying, failed), attempts, the last error' })
  @ApiOkResponse({ type: [DeliveryDto] })
  list(@Query() query: DeliveriesQueryDto): Promise<DeliveryView[]> {
    return this.outbox.list({ ...(query.status ? { status: query.status } : {}), ...(query.limit ? { limit: query.limit } : {}) });
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue a failed (dead-lettered) or retrying delivery again now, attempts counted afresh; a worker sends it' })
  @ApiOkResponse({ type: DeliveryDto, description: 'The delivery, queued again' })
  async retry(@Param('id') id: string): Promise<DeliveryView> {
    const before = await this.outbox.get(id);
    if (!before) throw DomainError.notFound('ADMIN.NO_DELIVERY', `No delivery ${id}`);
    if (!(await this.outbox.retry(id))) {
      throw new DomainError(
        'ADMIN.DELIVERY_NOT_RETRYABLE',
        `Delivery ${id} is ${before.status}: only failed or retrying ones are retried`,
        'conflict',
      );
    }
    return (await this.outbox.get(id))!;
  }
}

import {
  DELIVERY_STATUSES,
  DeliveryQueue,
  type Delivery,
  type DeliveryStatus,
} from '@depeche/persistence';
import { AdminGuard, Problem } from '@depeche/observability';
import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';

/** Operators see dead letters with their reason and put them back in the queue. */
@Controller('admin')
@UseGuards(AdminGuard)
export class DeliveriesController {
  constructor(private readonly queue: DeliveryQueue) {}

  @Get('deliveries')
  list(
    @Query('status') status?: string,
    @Query('target') target?: string,
    @Query('limit') limit?: string,
  ): Promise<Delivery[]> {
    if (status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(status)) {
      throw new Problem(400, `status must be one of ${DELIVERY_STATUSES.join(', ')}`);
    }
    const count = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(count) || count < 1 || count > 1000)
      throw new Problem(400, 'limit must be 1 to 1000');
    return this.queue.list({
      ...(status === undefined ? {} : { status: status as DeliveryStatus }),
      ...(target === undefined ? {} : { targetId: target }),
      limit: count,
    });
  }

  @Post('deliveries/:id/redeliver')
  @HttpCode(200)
  async redeliver(@Param('id') id: string): Promise<{ redelivered: number }> {
    const delivery = await this.queue.get(id);
    if (!delivery) throw new Problem(404, `No delivery ${id}.`);
    if (delivery.status !== 'dead')
      throw new Problem(409, `Delivery ${id} is ${delivery.status}, not dead.`);
    const redelivered = await this.queue.redeliver([id], new Date());
    if (redelivered === 0) {
      throw new Problem(
        409,
        `Delivery ${id} stays dead: its target is no longer active, or a newer version of the story went or is going to it.`,
      );
    }
    return { redelivered };
  }

  /** Every dead letter of one webhook endpoint or subscription. */
  @Post('targets/:id/redeliver')
  @HttpCode(200)
  async redeliverTarget(@Param('id') id: string): Promise<{ redelivered: number }> {
    return { redelivered: await this.queue.redeliverTarget(id, new Date()) };
  }
}

import { AuditLog, DeliveryQueue, PartnerNotFoundError, PartnerStore } from '@depeche/persistence';
import { Injectable, NotFoundException } from '@nestjs/common';
import { OpsRuntime } from '../runtime/ops-runtime';
import type { PartnerStatusDto } from './partner-status.dto';

/** Pause (suspend: the partner's keys stop working, nothing is pushed), resume, or redeliver to a partner. */
@Injectable()
export class PartnerStatusService {
  private readonly partners: PartnerStore;
  private readonly audit: AuditLog;
  private readonly deliveries: DeliveryQueue;

  constructor(runtime: OpsRuntime) {
    this.partners = new PartnerStore(runtime.db);
    this.audit = new AuditLog(runtime.db);
    this.deliveries = new DeliveryQueue(runtime.db);
  }

  /**
   * Puts every dead delivery to the partner back in the distributor's queue (once the partner has
   * fixed its receiver); the distributor picks them up at its next claim, in version order.
   */
  async redeliver(partnerId: string, actor: string): Promise<void> {
    if (!(await this.partners.getPartner(partnerId))) {
      throw new NotFoundException(`no partner ${partnerId}`);
    }
    const count = await this.deliveries.redeliverPartner(partnerId, new Date());
    await this.audit.record({
      actor,
      action: 'redeliver-partner',
      target: partnerId,
      detail: `${count} dead deliveries queued again`,
      at: new Date().toISOString(),
    });
  }

  async set(change: PartnerStatusDto, actor: string): Promise<void> {
    try {
      await this.partners.setStatus(change.partnerId, change.status);
    } catch (error) {
      if (error instanceof PartnerNotFoundError) throw new NotFoundException(error.message);
      throw error;
    }
    await this.audit.record({
      actor,
      action: change.status === 'active' ? 'resume-partner' : 'pause-partner',
      target: change.partnerId,
      detail: `status ${change.status}`,
      at: new Date().toISOString(),
    });
  }
}

import { AuditLog, PartnerNotFoundError, PartnerStore } from '@depeche/persistence';
import { Injectable, NotFoundException } from '@nestjs/common';
import { OpsRuntime } from '../runtime/ops-runtime';
import type { PartnerStatusDto } from './partner-status.dto';

/** Pause (suspend: the partner's keys stop working, nothing is pushed) or resume a partner. */
@Injectable()
export class PartnerStatusService {
  private readonly partners: PartnerStore;
  private readonly audit: AuditLog;

  constructor(runtime: OpsRuntime) {
    this.partners = new PartnerStore(runtime.db);
    this.audit = new AuditLog(runtime.db);
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

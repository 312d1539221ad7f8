import type { Partner } from '@depeche/contracts';
import {
  AuditLog,
  OpsDeadLetterStore,
  OpsDeliveryEventStore,
  PartnerStore,
  type AuditEntry,
  type IndexedDeadLetter,
  type PartnerDeliveryHealth,
} from '@depeche/persistence';
import { Injectable } from '@nestjs/common';
import { OpsRuntime } from '../runtime/ops-runtime';
import { PipelineGauges, type PipelineGaugeReading } from '../runtime/pipeline-gauges';

export interface Overview {
  readonly gauges: PipelineGaugeReading;
  readonly deadLetters: readonly IndexedDeadLetter[];
  readonly deadLetterCounts: readonly { errorCode: string; count: number }[];
  readonly partners: readonly Partner[];
  readonly deliveryHealth: readonly PartnerDeliveryHealth[];
  readonly actions: readonly AuditEntry[];
}

/** Everything the dashboard shows at load, read from the database and the last gauge sample. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly runtime: OpsRuntime,
    private readonly gauges: PipelineGauges,
  ) {}

  async overview(now = new Date()): Promise<Overview> {
    const db = this.runtime.db;
    const letters = new OpsDeadLetterStore(db);
    const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
    return {
      gauges: this.gauges.latest(),
      deadLetters: await letters.find({ limit: 25 }),
      deadLetterCounts: await letters.countByCode(),
      partners: await new PartnerStore(db).listPartners(),
      deliveryHealth: await new OpsDeliveryEventStore(db).partnerHealth(dayAgo),
      actions: await new AuditLog(db).recent(15),
    };
  }
}

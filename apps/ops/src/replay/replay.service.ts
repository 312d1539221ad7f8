import { chunkByBytes } from '@depeche/kafka';
import {
  AuditLog,
  OpsDeadLetterStore,
  replayMessage,
  type DeadLetterFilter,
  type IndexedDeadLetter,
} from '@depeche/persistence';
import { Injectable, NotFoundException } from '@nestjs/common';
import { OpsEnv } from '../config/ops.env';
import { OpsRuntime } from '../runtime/ops-runtime';
import type { ReplayFilterDto, ReplayOneDto } from './replay.dto';

/** Under the events topic's default 1 MiB max.message.bytes per request. */
const REQUEST_BYTES = 512 * 1024;

/**
 * Sends dead letters back to the events topic after a fix, marks them replayed and records who
 * did it. A replay that fails again is dead-lettered again, as a new letter with its own offset.
 */
@Injectable()
export class ReplayService {
  private readonly letters: OpsDeadLetterStore;
  private readonly audit: AuditLog;

  constructor(
    private readonly env: OpsEnv,
    private readonly runtime: OpsRuntime,
  ) {
    this.letters = new OpsDeadLetterStore(runtime.db);
    this.audit = new AuditLog(runtime.db);
  }

  async one(ref: ReplayOneDto, actor: string): Promise<number> {
    const letter = await this.letters.get(ref);
    if (!letter)
      throw new NotFoundException(`no dead letter ${ref.topic}/${ref.partition}/${ref.offset}`);
    return this.replay([letter], actor, `${letter.topic}/${letter.partition}/${letter.offset}`);
  }

  async matching(form: ReplayFilterDto, actor: string): Promise<number> {
    const filter: DeadLetterFilter = {
      ...(form.errorCode ? { errorCode: form.errorCode } : {}),
      ...(form.from ? { failedFrom: new Date(form.from).toISOString() } : {}),
      ...(form.to ? { failedBefore: new Date(form.to).toISOString() } : {}),
      notReplayedOnly: form.which !== 'all',
    };
    const letters = await this.letters.find(filter);
    // Oldest first: versions of one story go back in the order they first came.
    return this.replay(letters.reverse(), actor, JSON.stringify(filter));
  }

  private async replay(
    letters: readonly IndexedDeadLetter[],
    actor: string,
    target: string,
  ): Promise<number> {
    for (const run of chunkByBytes(letters, (l) => (l.value?.length ?? 0) * 0.75, REQUEST_BYTES)) {
      await this.runtime.producer.send({
        topic: this.env.INGEST_TOPIC,
        acks: -1,
        messages: run.map(replayMessage),
      });
      const now = new Date();
      for (const letter of run) await this.letters.markReplayed(letter, actor, now);
    }
    await this.audit.record({
      actor,
      action: 'replay-dead-letters',
      target,
      detail: `${letters.length} replayed to ${this.env.INGEST_TOPIC}`,
      at: new Date().toISOString(),
    });
    return letters.length;
  }
}

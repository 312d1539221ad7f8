import { chunkByBytes } from '@depeche/kafka';
import {
  AuditLog,
  Mutex,
  OpsDeadLetterStore,
  replayMessage,
  type DeadLetterFilter,
  type IndexedDeadLetter,
} from '@depeche/persistence';
import { Injectable, NotFoundException } from '@nestjs/common';
import { OpsEnv } from '../config/ops.env';
import { OpsRuntime } from '../runtime/ops-runtime';
import type { ReplayFilterDto, ReplayOneDto } from './replay.dto';

/** Dead letters read per page of a replay by filter. */
const REPLAY_PAGE = 1_000;

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
  /**
   * One replay at a time: two at once (a double click, two operators) read the same letters not
   * yet marked replayed, and each was sent twice. The second now finds them marked.
   */
  private readonly oneAtATime = new Mutex();

  constructor(
    private readonly env: OpsEnv,
    private readonly runtime: OpsRuntime,
  ) {
    this.letters = new OpsDeadLetterStore(runtime.db);
    this.audit = new AuditLog(runtime.db);
  }

  one(ref: ReplayOneDto, actor: string): Promise<number> {
    return this.oneAtATime.run(() => this.replayOne(ref, actor));
  }

  matching(form: ReplayFilterDto, actor: string): Promise<number> {
    return this.oneAtATime.run(() => this.replayMatching(form, actor));
  }

  private async replayOne(ref: ReplayOneDto, actor: string): Promise<number> {
    const letter = await this.letters.get(ref);
    if (!letter)
      throw new NotFoundException(`no dead letter ${ref.topic}/${ref.partition}/${ref.offset}`);
    return this.replay([letter], actor, `${letter.topic}/${letter.partition}/${letter.offset}`);
  }

  private async replayMatching(form: ReplayFilterDto, actor: string): Promise<number> {
    const filter: DeadLetterFilter = {
      ...(form.errorCode ? { errorCode: form.errorCode } : {}),
      ...(form.from ? { failedFrom: new Date(form.from).toISOString() } : {}),
      ...(form.to ? { failedBefore: new Date(form.to).toISOString() } : {}),
      notReplayedOnly: form.which !== 'all',
    };
    // Letters that fail again during the replay come back as new letters failed from now on: the
    // walk ends at its start, or it would replay them again and again.
    const startedAt = new Date().toISOString();
    const walk: DeadLetterFilter = {
      ...filter,
      failedBefore:
        filter.failedBefore !== undefined && filter.failedBefore < startedAt
          ? filter.failedBefore
          : startedAt,
    };
    // Every match, page by page, oldest first: versions of one story go back in the order they
    // first came. (One read of at most 10,000 used to replay the newest 10,000 and say nothing.)
    let replayed = 0;
    let after: IndexedDeadLetter | undefined;
    for (;;) {
      const page = await this.letters.pageOldestFirst(walk, after, REPLAY_PAGE);
      await this.send(page, actor);
      replayed += page.length;
      after = page.at(-1);
      if (page.length < REPLAY_PAGE) break;
    }
    await this.record(replayed, actor, JSON.stringify(filter));
    return replayed;
  }

  private async replay(
    letters: readonly IndexedDeadLetter[],
    actor: string,
    target: string,
  ): Promise<number> {
    await this.send(letters, actor);
    await this.record(letters.length, actor, target);
    return letters.length;
  }

  private async send(letters: readonly IndexedDeadLetter[], actor: string): Promise<void> {
    for (const run of chunkByBytes(letters, (l) => (l.value?.length ?? 0) * 0.75, REQUEST_BYTES)) {
      await this.runtime.producer.send({
        topic: this.env.INGEST_TOPIC,
        acks: -1,
        messages: run.map(replayMessage),
      });
      const now = new Date();
      for (const letter of run) await this.letters.markReplayed(letter, actor, now);
    }
  }

  private async record(count: number, actor: string, target: string): Promise<void> {
    await this.audit.record({
      actor,
      action: 'replay-dead-letters',
      target,
      detail: `${count} replayed to ${this.env.INGEST_TOPIC}`,
      at: new Date().toISOString(),
    });
  }
}

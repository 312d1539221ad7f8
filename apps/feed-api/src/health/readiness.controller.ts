import { pendingMigrations, MIGRATIONS } from '@depeche/persistence';
import { Controller, Get } from '@nestjs/common';
import { Problem } from '../http/problem';
import { FeedRuntime } from '../runtime/feed-runtime';
import { FeedStores } from '../runtime/feed-stores';

/** Ready when the database answers, every migration is applied and the index is loaded. */
@Controller('health')
export class ReadinessController {
  constructor(
    private readonly runtime: FeedRuntime,
    private readonly stores: FeedStores,
  ) {}

  @Get('ready')
  async ready(): Promise<{ status: 'ok'; seq: number; stories: number }> {
    if (!this.runtime.ready) throw new Problem(503, 'Starting: the story index is loading.');
    try {
      await this.stores.articles.ping();
      const pending = await pendingMigrations(this.stores.db, MIGRATIONS);
      if (pending.length > 0) throw new Problem(503, `Migrations pending: ${pending.join(', ')}.`);
    } catch (error) {
      if (error instanceof Problem) throw error;
      throw new Problem(503, `The database does not answer: ${String(error)}`);
    }
    return { status: 'ok', seq: this.runtime.follower.latestSeq, stories: this.runtime.index.size };
  }
}

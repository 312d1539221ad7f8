import {
  ChangeLog,
  FeedReadModel,
  openDatabase,
  PartnerStore,
  type SqlDatabase,
} from '@depeche/persistence';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { FeedApiEnv } from '../config/feed-api.env';
import { Clock } from './clock';

/** The database and the repositories feed-api reads and writes through; closed last at shutdown. */
@Injectable()
export class FeedStores implements OnApplicationShutdown {
  readonly db: SqlDatabase;
  readonly partners: PartnerStore;
  readonly articles: FeedReadModel;
  readonly changes: ChangeLog;

  constructor(env: FeedApiEnv, clock: Clock) {
    this.db = openDatabase(env);
    this.partners = new PartnerStore(this.db, { clock: () => clock.now() });
    this.articles = new FeedReadModel(this.db);
    this.changes = new ChangeLog(this.db);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

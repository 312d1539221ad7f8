import type { Entitlement } from '@depeche/entitlements';
import { migrate, MIGRATIONS, PartnerStore } from '@depeche/persistence';
import { startAppProcess, type AppProcess, type TestDatabase } from '@depeche/testing';

/** feed-api processes from dist/ on one test database, with partners made through the store. */
export class ProcessWorld {
  readonly partners: PartnerStore;
  private readonly processes: AppProcess[] = [];

  constructor(readonly database: TestDatabase) {
    this.partners = new PartnerStore(database.db);
  }

  async migrate(): Promise<void> {
    await migrate(this.database.db, MIGRATIONS);
  }

  async partner(id: string, entitlement: Entitlement): Promise<string> {
    await this.partners.createPartner({ id, name: id, entitlement });
    await this.partners.defineChannel({
      slug: 'all',
      partnerId: id,
      title: `${id} — all`,
      filter: { sections: [], keywords: [], languages: [] },
    });
    return (await this.partners.issueKey(id)).key;
  }

  async startFeedApi(extra: Record<string, string> = {}): Promise<AppProcess> {
    const app = await startAppProcess('feed-api', { ...this.database.env, ...extra });
    this.processes.push(app);
    return app;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.database.drop();
  }
}

export function getWithKey(url: string, key: string): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${key}` } });
}

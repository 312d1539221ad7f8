import { TEST_DATABASES, type TestDatabase } from '@depeche/testing';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';

/** Migration 0012 on a database that recorded a report twice before it: one row stays. */
describe.each(TEST_DATABASES)(
  'delivery reports recorded twice before 0012, on %s',
  (_name, create) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await create();
      const upTo = MIGRATIONS.findIndex((m) => m.id === '0012-delivery-reports-recorded-once');
      expect(upTo).toBeGreaterThan(0);
      await migrate(database.db, MIGRATIONS.slice(0, upTo));
      const insert = (attempt: number) =>
        database.db.execute(
          `INSERT INTO ops_delivery_events
           (outcome, partner_id, article_id, version, format, attempt, status_code, detail, at)
         VALUES ('failed', 'p', 'a', 1, 'ninjs', $1, 503, 'HTTP 503', '2026-03-01T08:00:00.000Z')`,
          [attempt],
        );
      await insert(1);
      await insert(1); // read again from ops.events
      await insert(2);
      await migrate(database.db, MIGRATIONS);
    });

    afterAll(() => database.drop());

    it('keeps one of each', async () => {
      const rows = await database.db.query<{ attempt: number | string }>(
        'SELECT attempt FROM ops_delivery_events ORDER BY attempt',
      );
      expect(rows.map((r) => Number(r.attempt))).toEqual([1, 2]);
    });
  },
);

import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';

/**
 * Health indicators for @nestjs/terminus, built from plain probes so that this lib needs neither
 * the database nor Kafka (the dependency direction of STYLE.md: observability comes first).
 */
const indicators = new HealthIndicatorService();

/** The database answers a trivial query (`SELECT 1`). */
export async function databaseIndicator(
  ping: () => Promise<unknown>,
): Promise<HealthIndicatorResult<'database'>> {
  const session = indicators.check('database');
  try {
    await ping();
    return session.up();
  } catch (error) {
    return session.down({ message: (error as Error).message });
  }
}

/** Every migration this build knows is applied: otherwise queries would hit a missing schema. */
export async function migrationsIndicator(
  pending: () => Promise<readonly string[]>,
): Promise<HealthIndicatorResult<'migrations'>> {
  const session = indicators.check('migrations');
  try {
    const missing = await pending();
    return missing.length === 0 ? session.up() : session.down({ pending: missing.join(',') });
  } catch (error) {
    return session.down({ message: (error as Error).message });
  }
}

/**
 * A consumer is connected and owns partitions: a member without an assignment consumes nothing.
 * Assignment implies a connection (the group coordinator handed it out). The partitions are
 * listed ("topic:partition"), so an operator sees which member owns what.
 */
export function kafkaIndicator(assigned: () => readonly string[]): HealthIndicatorResult<'kafka'> {
  const session = indicators.check('kafka');
  const partitions = assigned();
  return partitions.length > 0
    ? session.up({ partitions: [...partitions] })
    : session.down({ message: 'no partitions assigned' });
}

import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';

const indicators = new HealthIndicatorService();

/**
 * The in-memory story index is loaded: until then every feed would come out empty, which a
 * partner could not tell from a quiet newsroom, so the process must not take traffic.
 */
export function indexIndicator(loaded: boolean, stories: number): HealthIndicatorResult<'index'> {
  const session = indicators.check('index');
  return loaded ? session.up({ stories }) : session.down({ message: 'the story index is loading' });
}

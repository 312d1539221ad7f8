import { NEVER, lastValueFrom, toArray } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OperatorRequest } from '../auth/operator.guard';
import type { PipelineGauges } from '../runtime/pipeline-gauges';
import type { EventStream } from './event-stream';
import { StreamController } from './stream.controller';

/**
 * Issue 7, the dashboard is for operators only: the guard checks the session when a stream opens,
 * and an open stream went on streaming pipeline events after the session had ended.
 */
describe('the dashboard’s event stream', () => {
  const stream = { recent: () => [], live: () => NEVER } as unknown as EventStream;
  const gauges = { latest: () => ({}) } as unknown as PipelineGauges;
  const controller = new StreamController(stream, gauges);
  const ending = (inMs: number) =>
    ({ sessionExpires: (Date.now() + inMs) / 1000 }) as unknown as OperatorRequest;

  it('ends when the viewer’s session ends', async () => {
    await expect(lastValueFrom(controller.events(ending(200)).pipe(toArray()))).resolves.toEqual(
      [],
    );
  });

  it('goes on while the session lasts', async () => {
    let ended = false;
    const subscription = controller.events(ending(3_600_000)).subscribe({
      complete: () => (ended = true),
    });
    await sleep(300);
    subscription.unsubscribe();
    expect(ended).toBe(false);
  });
});

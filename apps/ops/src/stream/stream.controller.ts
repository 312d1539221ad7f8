import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { concat, from, interval, map, merge, type Observable } from 'rxjs';
import { PipelineGauges } from '../runtime/pipeline-gauges';
import { EventStream } from './event-stream';

/** How often a viewer gets the gauges; also keeps proxies from closing an idle stream. */
const STATS_MS = 3_000;

/** Server-sent events: the recent lines, then each new one (`event`), and the gauges (`stats`). */
@Controller('events')
export class StreamController {
  constructor(
    private readonly stream: EventStream,
    private readonly gauges: PipelineGauges,
  ) {}

  @Sse('stream')
  events(): Observable<MessageEvent> {
    const lines = concat(from(this.stream.recent()), this.stream.live()).pipe(
      map((data): MessageEvent => ({ type: 'event', data })),
    );
    const stats = interval(STATS_MS).pipe(
      map((): MessageEvent => ({ type: 'stats', data: this.gauges.latest() })),
    );
    return merge(lines, stats);
  }
}

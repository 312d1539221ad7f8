import { Controller, Req, Sse, type MessageEvent } from '@nestjs/common';
import { concat, from, interval, map, merge, takeUntil, timer, type Observable } from 'rxjs';
import type { OperatorRequest } from '../auth/operator.guard';
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

  /**
   * Ends when the viewer's session does: the guard looks at the session only when the stream
   * opens, and a dashboard left open streamed on for good. The browser's EventSource then asks
   * again, and the guard sends it to the login page. (A logout ends no session here: sessions are
   * stateless, so a stream outlives a logout until the session's own end.)
   */
  @Sse('stream')
  events(@Req() request: OperatorRequest): Observable<MessageEvent> {
    const lines = concat(from(this.stream.recent()), this.stream.live()).pipe(
      map((data): MessageEvent => ({ type: 'event', data })),
    );
    const stats = interval(STATS_MS).pipe(
      map((): MessageEvent => ({ type: 'stats', data: this.gauges.latest() })),
    );
    const endsIn = Math.max(0, (request.sessionExpires ?? 0) * 1000 - Date.now());
    return merge(lines, stats).pipe(takeUntil(timer(endsIn)));
  }
}

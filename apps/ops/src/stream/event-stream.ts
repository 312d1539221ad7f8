import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { StreamEvent } from './stream-event';

/** How many recent lines a dashboard opened now starts with. */
const RECENT = 100;

/** The live stream, in memory: a ring of recent lines for new viewers, a subject for live ones. */
@Injectable()
export class EventStream {
  private readonly recentEvents: StreamEvent[] = [];
  private readonly subject = new Subject<StreamEvent>();

  publish(event: StreamEvent): void {
    this.recentEvents.push(event);
    if (this.recentEvents.length > RECENT) this.recentEvents.shift();
    this.subject.next(event);
  }

  recent(): readonly StreamEvent[] {
    return [...this.recentEvents];
  }

  live(): Observable<StreamEvent> {
    return this.subject.asObservable();
  }
}

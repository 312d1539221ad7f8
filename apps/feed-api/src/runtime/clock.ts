/**
 * The time, behind an adapter (as immich does for every I/O): embargoes lift and rights expire by
 * it, so tests replace it to see a story appear with no new event.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

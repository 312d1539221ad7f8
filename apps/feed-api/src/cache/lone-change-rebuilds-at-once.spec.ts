import { LeadingDebounce } from './leading-debounce';

describe('the leading-edge debounce', () => {
  let now = 0;
  let runs: number[];
  let debounce: LeadingDebounce;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 1_000;
    runs = [];
    debounce = new LeadingDebounce(
      50,
      () => runs.push(now),
      () => now,
    );
  });

  afterEach(() => jest.useRealTimers());

  /** Moves both clocks: the timers' and the one the debounce reads. */
  function advance(ms: number): void {
    now += ms;
    jest.advanceTimersByTime(ms);
  }

  it('runs a lone trigger at once, folding the triggers of the same tick in', () => {
    debounce.trigger();
    debounce.trigger();
    expect(debounce.pending).toBe(true);
    advance(0);
    expect(runs).toEqual([1_000]);
    expect(debounce.pending).toBe(false);
  });

  it('folds the triggers within the window after a run into one run at its end', () => {
    debounce.trigger();
    advance(0); // runs at 1000
    advance(10);
    debounce.trigger(); // 1010: within the window, waits until 1050
    advance(20);
    debounce.trigger(); // 1030: folded in
    advance(19);
    expect(runs).toEqual([1_000]);
    advance(1); // 1050
    expect(runs).toEqual([1_000, 1_050]);
  });

  it('runs at once again after a quiet window', () => {
    debounce.trigger();
    advance(0);
    advance(200);
    debounce.trigger();
    advance(0);
    expect(runs).toEqual([1_000, 1_200]);
  });

  it('forgets a scheduled run when cancelled', () => {
    debounce.trigger();
    debounce.cancel();
    advance(100);
    expect([runs, debounce.pending]).toEqual([[], false]);
  });
});

import { progressLine } from './progress-bar';
import { rebuildProgress, rebuildRanges } from './rebuild-start';

const watermarks = [
  { partition: 1, low: '0', high: '10' },
  { partition: 0, low: '4', high: '8' },
];

describe('the range a rebuild re-consumes', () => {
  it('starts at the low watermark by default', () => {
    expect(rebuildRanges(watermarks, { kind: 'beginning' })).toEqual([
      { partition: 0, start: 4, end: 8 },
      { partition: 1, start: 0, end: 10 },
    ]);
  });

  it('clamps an offset to what each partition holds', () => {
    expect(rebuildRanges(watermarks, { kind: 'offset', offset: 6 })).toEqual([
      { partition: 0, start: 6, end: 8 },
      { partition: 1, start: 6, end: 10 },
    ]);
    // 2 is below partition 0's low watermark, 99 past both ends.
    expect(rebuildRanges(watermarks, { kind: 'offset', offset: 2 })[0]?.start).toBe(4);
    expect(rebuildRanges(watermarks, { kind: 'offset', offset: 99 }).map((r) => r.start)).toEqual([
      8, 10,
    ]);
  });

  it('reads nothing from a partition with no message after the time', () => {
    const ranges = rebuildRanges(watermarks, {
      kind: 'time',
      offsets: [
        { partition: 0, offset: '-1' },
        { partition: 1, offset: '7' },
      ],
    });
    expect(ranges).toEqual([
      { partition: 0, start: 8, end: 8 },
      { partition: 1, start: 7, end: 10 },
    ]);
  });

  it('measures progress from the committed offsets', () => {
    const ranges = rebuildRanges(watermarks, { kind: 'beginning' }); // 4 + 10 messages
    expect(rebuildProgress(ranges, [])).toEqual({ done: 0, total: 14 });
    expect(rebuildProgress(ranges, [{ partition: 1, offset: '6' }])).toEqual({
      done: 6,
      total: 14,
    });
    expect(
      rebuildProgress(ranges, [
        { partition: 0, offset: '8' },
        { partition: 1, offset: '10' },
      ]),
    ).toEqual({ done: 14, total: 14 });
  });
});

describe('the progress bar', () => {
  it('draws the share done', () => {
    expect(progressLine(1, 4, 'read', 8)).toBe('[##------]  25%  1/4 read');
    expect(progressLine(0, 0, '', 4)).toBe('[####] 100%  0/0');
  });
});

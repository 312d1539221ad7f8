import { consumerLag } from './consumer-lag';

describe('consumer lag per partition', () => {
  const watermarks = [
    { partition: 1, low: '0', high: '10' },
    { partition: 0, low: '5', high: '20' },
    { partition: 2, low: '40', high: '50' },
  ];

  it('is the high watermark less the committed offset, in partition order', () => {
    const lags = consumerLag('g', 't', watermarks, [
      { partition: 0, offset: '18' },
      { partition: 1, offset: '10' },
      { partition: 2, offset: '45' },
    ]);
    expect(lags.map((l) => [l.partition, l.lag])).toEqual([
      [0, 2], // 20 - 18
      [1, 0], // caught up
      [2, 5], // 50 - 45
    ]);
  });

  it('counts from the low watermark where nothing is committed or retention passed the commit', () => {
    const lags = consumerLag('g', 't', watermarks, [
      { partition: 0, offset: '-1' }, // kafkajs reports no commit as -1
      { partition: 2, offset: '3' }, // retention deleted offsets below 40
    ]);
    expect(lags.map((l) => [l.partition, l.lag])).toEqual([
      [0, 15], // 20 - 5
      [1, 10], // no entry at all: 10 - 0
      [2, 10], // 50 - 40
    ]);
  });
});

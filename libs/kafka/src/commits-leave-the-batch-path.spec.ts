import { CommitQueue, type CommitOffsets } from './commit-queue';

/** A coordinator the test answers by hand, recording each request. */
function coordinator() {
  const requests: { offsets: Parameters<CommitOffsets>[0]; answer: (error?: Error) => void }[] = [];
  const commit: CommitOffsets = (offsets) =>
    new Promise<void>((resolve, reject) =>
      requests.push({ offsets, answer: (error) => (error ? reject(error) : resolve()) }),
    );
  return { requests, commit };
}

const at = (partition: number, offset: number) => ({ topic: 't', partition, offset: `${offset}` });

describe('offset commits off the batch path', () => {
  it('sends at once, then joins what comes meanwhile into one request, newest per partition', async () => {
    const errors: Error[] = [];
    const queue = new CommitQueue((error) => errors.push(error));
    const { requests, commit } = coordinator();
    queue.add(at(0, 10), commit);
    expect(requests.map((r) => r.offsets)).toEqual([
      { topics: [{ topic: 't', partitions: [{ partition: 0, offset: '10' }] }] },
    ]);
    queue.add(at(0, 20), commit);
    queue.add(at(1, 5), commit);
    queue.add(at(0, 30), commit);
    expect(requests).toHaveLength(1); // one in flight at a time
    let settled = false;
    const done = queue.settled().then(() => (settled = true));
    requests[0]?.answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(requests[1]?.offsets).toEqual({
      topics: [
        {
          topic: 't',
          partitions: [
            { partition: 0, offset: '30' },
            { partition: 1, offset: '5' },
          ],
        },
      ],
    });
    expect(settled).toBe(false);
    requests[1]?.answer();
    await done;
    expect(settled).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reports a failed commit and sends its offsets with the next request, unless newer came', async () => {
    const errors: string[] = [];
    const queue = new CommitQueue((error) => errors.push(error.message));
    const { requests, commit } = coordinator();
    queue.add(at(0, 10), commit);
    queue.add(at(0, 11), commit);
    queue.add(at(2, 7), commit);
    requests[0]?.answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(requests[1]?.offsets.topics[0]?.partitions).toEqual([
      { partition: 0, offset: '11' },
      { partition: 2, offset: '7' },
    ]);
    queue.add(at(0, 12), commit); // newer than what the failing request carries for partition 0
    requests[1]?.answer(new Error('COORDINATOR_NOT_AVAILABLE'));
    await queue.settled();
    expect(errors).toEqual(['COORDINATOR_NOT_AVAILABLE']);
    expect(requests).toHaveLength(2); // not repeated at once
    queue.add(at(1, 5), commit);
    expect(requests[2]?.offsets.topics[0]?.partitions).toEqual([
      { partition: 0, offset: '12' },
      { partition: 2, offset: '7' },
      { partition: 1, offset: '5' },
    ]);
    requests[2]?.answer();
    await queue.settled();
    expect(requests).toHaveLength(3);
  });

  it('drops what waits at a rebalance, and never queues again what failed across one', async () => {
    const queue = new CommitQueue(() => undefined);
    const { requests, commit } = coordinator();
    queue.add(at(0, 10), commit);
    queue.add(at(0, 11), commit);
    queue.forget(); // the group rebalances: partition 0 may go to another member
    requests[0]?.answer(new Error('REBALANCE_IN_PROGRESS'));
    await queue.settled();
    expect(requests).toHaveLength(1);
    queue.add(at(3, 1), commit);
    expect(requests[1]?.offsets.topics[0]?.partitions).toEqual([{ partition: 3, offset: '1' }]);
  });

  it('sends through the newest commit it was given (kafkajs makes a new group after a restart)', async () => {
    const queue = new CommitQueue(() => undefined);
    const before = coordinator();
    const after = coordinator();
    queue.add(at(0, 10), before.commit);
    queue.add(at(0, 11), after.commit);
    before.requests[0]?.answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(before.requests).toHaveLength(1);
    expect(after.requests[0]?.offsets.topics[0]?.partitions).toEqual([
      { partition: 0, offset: '11' },
    ]);
  });

  it('has nothing to wait for when nothing was queued', async () => {
    await expect(new CommitQueue(() => undefined).settled()).resolves.toBeUndefined();
  });

  it('sends what a failed commit put back a moment later when no batch comes to carry it', async () => {
    const queue = new CommitQueue(() => undefined, 20);
    const { requests, commit } = coordinator();
    queue.add(at(0, 10), commit);
    requests[0]?.answer(new Error('NOT_COORDINATOR'));
    await queue.settled();
    expect(requests).toHaveLength(1);
    // The partition has gone quiet: nothing else is added.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests.map((r) => r.offsets.topics[0]?.partitions)).toEqual([
      [{ partition: 0, offset: '10' }],
      [{ partition: 0, offset: '10' }],
    ]);
    requests[1]?.answer();
    await queue.settled();
  });

  it('tries what a failed commit put back once more when flushed at a stop', async () => {
    const queue = new CommitQueue(() => undefined, 60_000);
    const { requests, commit } = coordinator();
    queue.add(at(0, 10), commit);
    requests[0]?.answer(new Error('NOT_COORDINATOR'));
    await queue.settled();
    const flushed = queue.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(requests[1]?.offsets.topics[0]?.partitions).toEqual([{ partition: 0, offset: '10' }]);
    requests[1]?.answer(new Error('NOT_COORDINATOR'));
    await flushed;
    // No retry after the last attempt: the consumer is leaving.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(2);
  });
});

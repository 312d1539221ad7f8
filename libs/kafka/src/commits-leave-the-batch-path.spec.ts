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

  it('reports a failed commit, does not repeat it, and sends what was queued after it', async () => {
    const errors: string[] = [];
    const queue = new CommitQueue((error) => errors.push(error.message));
    const { requests, commit } = coordinator();
    queue.add(at(0, 10), commit);
    queue.add(at(0, 11), commit);
    requests[0]?.answer(new Error('REBALANCE_IN_PROGRESS'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual(['REBALANCE_IN_PROGRESS']);
    expect(requests.map((r) => r.offsets.topics[0]?.partitions[0]?.offset)).toEqual(['10', '11']);
    requests[1]?.answer();
    await queue.settled();
    expect(requests).toHaveLength(2);
  });

  it('has nothing to wait for when nothing was queued', async () => {
    await expect(new CommitQueue(() => undefined).settled()).resolves.toBeUndefined();
  });
});

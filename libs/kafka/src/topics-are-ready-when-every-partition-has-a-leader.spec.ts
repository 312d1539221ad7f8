import type { Admin } from 'kafkajs';
import { createReadyTopics, waitForLeaders } from './wait-for-leaders';

type Metadata = Awaited<ReturnType<Admin['fetchTopicMetadata']>>;

function protocolError(type: string): Error {
  return Object.assign(new Error(type), { type });
}

function led(name: string, ...leaders: number[]): Metadata['topics'][number] {
  return answered(
    name,
    leaders.map((leader) => ({ leader, errorCode: leader >= 0 ? 0 : 5 })),
  );
}

function answered(
  name: string,
  partitions: { leader: number; errorCode: number }[],
): Metadata['topics'][number] {
  return {
    name,
    partitions: partitions.map(({ leader, errorCode }, partitionId) => ({
      partitionId,
      leader,
      replicas: [0],
      isr: [0],
      offlineReplicas: [],
      partitionErrorCode: errorCode,
    })),
  };
}

/** A metadata source that gives each answer in turn (the last one for ever). */
function answering(...answers: (Metadata | Error)[]): Pick<Admin, 'fetchTopicMetadata'> & {
  calls: number;
} {
  const admin = {
    calls: 0,
    fetchTopicMetadata: () => {
      const answer = answers[Math.min(admin.calls++, answers.length - 1)];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as Metadata);
    },
  };
  return admin;
}

describe('waiting for a new topic', () => {
  it('goes on through "does not host this topic-partition" and leaderless partitions until all are led', async () => {
    const admin = answering(
      protocolError('UNKNOWN_TOPIC_OR_PARTITION'),
      protocolError('LEADER_NOT_AVAILABLE'),
      { topics: [led('a', 0, -1), led('b', 0)] },
      { topics: [led('a', 0, 0), led('b', 0)] },
    );
    await waitForLeaders(admin, ['a', 'b']);
    expect(admin.calls).toBe(4);
  });

  it('goes on while a partition names its leader but still answers LEADER_NOT_AVAILABLE', async () => {
    const admin = answering(
      {
        topics: [
          answered('a', [
            { leader: 0, errorCode: 0 },
            { leader: 0, errorCode: 5 },
          ]),
        ],
      },
      { topics: [led('a', 0, 0)] },
    );
    await waitForLeaders(admin, ['a']);
    expect(admin.calls).toBe(2);
  });

  it('fails at once on any other error', async () => {
    const admin = answering(protocolError('TOPIC_AUTHORIZATION_FAILED'));
    await expect(waitForLeaders(admin, ['a'])).rejects.toThrow('TOPIC_AUTHORIZATION_FAILED');
    expect(admin.calls).toBe(1);
  });

  it('gives up after its deadline, saying what it last saw', async () => {
    const admin = answering(protocolError('UNKNOWN_TOPIC_OR_PARTITION'));
    await expect(waitForLeaders(admin, ['a'], 250)).rejects.toThrow(
      /topics a had no leaders within 250 ms \(UNKNOWN_TOPIC_OR_PARTITION\)/,
    );
  });
});

describe('creating topics ready to use', () => {
  const topics = [{ topic: 'a', numPartitions: 2 }];

  it("relies on kafkajs' own wait when it succeeds", async () => {
    const admin = {
      fetchTopicMetadata: jest.fn(() => Promise.reject(new Error('not asked'))),
      createTopics: jest.fn(() => Promise.resolve(true)),
    };
    await createReadyTopics(admin, topics);
    expect(admin.createTopics).toHaveBeenCalledWith({ topics, waitForLeaders: true });
    expect(admin.fetchTopicMetadata).not.toHaveBeenCalled();
  });

  it('goes on waiting when that wait meets a topic the broker does not know yet', async () => {
    const admin = {
      ...answering(protocolError('UNKNOWN_TOPIC_OR_PARTITION'), { topics: [led('a', 0, 0)] }),
      createTopics: () => Promise.reject(protocolError('UNKNOWN_TOPIC_OR_PARTITION')),
    };
    await createReadyTopics(admin, topics);
  });

  it("goes on waiting after kafkajs' own wait timed out, or when another process created the topic", async () => {
    const timedOut = answering({ topics: [led('a', 0, -1)] }, { topics: [led('a', 0, 0)] });
    await createReadyTopics(
      {
        fetchTopicMetadata: timedOut.fetchTopicMetadata,
        createTopics: () =>
          Promise.reject(Object.assign(new Error('Timeout'), { name: 'KafkaJSTimeout' })),
      },
      topics,
    );
    expect(timedOut.calls).toBe(2);
    const existing = answering({ topics: [led('a', -1, 0)] }, { topics: [led('a', 0, 0)] });
    await createReadyTopics(
      {
        fetchTopicMetadata: existing.fetchTopicMetadata,
        createTopics: () => Promise.resolve(false),
      },
      topics,
    );
    expect(existing.calls).toBe(2);
  });

  it('fails on any other error of the creation', async () => {
    const admin = {
      ...answering({ topics: [] }),
      createTopics: () => Promise.reject(protocolError('TOPIC_AUTHORIZATION_FAILED')),
    };
    await expect(createReadyTopics(admin, topics)).rejects.toThrow('TOPIC_AUTHORIZATION_FAILED');
  });
});

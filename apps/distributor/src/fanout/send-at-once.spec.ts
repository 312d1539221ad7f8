import { newDelivery } from '@depeche/testing';
import { sendAtOnce } from './send-at-once';

const now = new Date('2025-07-04T15:00:00.000Z');

const delivery = (target: string, article: string, version: number, notBefore = now) =>
  newDelivery(target, article, version, notBefore, now);

const roomy = () => 10;

describe('sendAtOnce (deliveries the fan-out claims for its own worker)', () => {
  it('takes what is due now for every target', () => {
    const batch = [delivery('a', 's1', 1), delivery('b', 's1', 1)];
    expect([...sendAtOnce(batch, new Set(), now, roomy)]).toEqual(['a-s1-1', 'b-s1-1']);
  });

  it('leaves an embargoed delivery to the claims', () => {
    const later = new Date(now.getTime() + 60_000);
    expect(sendAtOnce([delivery('a', 's1', 1, later)], new Set(), now, roomy).size).toBe(0);
  });

  it('takes only the first version of a story per target, and none while one is open', () => {
    const batch = [delivery('a', 's1', 1), delivery('a', 's1', 2), delivery('b', 's2', 3)];
    const picked = sendAtOnce(batch, new Set(['b|s2']), now, roomy);
    expect([...picked]).toEqual(['a-s1-1']);
  });

  it('takes no more for a target than it has room for', () => {
    const batch = ['s1', 's2', 's3'].map((s) => delivery('slow', s, 1));
    const room = (target: string) => (target === 'slow' ? 2 : 0);
    expect([...sendAtOnce(batch, new Set(), now, room)]).toEqual(['slow-s1-1', 'slow-s2-1']);
  });
});

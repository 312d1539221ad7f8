import { Problem } from '@depeche/observability';
import { decodeCursor, encodeCursor } from './change-cursor';

describe('the change cursor', () => {
  it.each([0, 1, 42, 9_007_199_254_740_991])('round-trips seq %i', (seq) => {
    const cursor = encodeCursor(seq);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toBe(seq);
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeCursor(undefined)).toBe(0);
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['another version', Buffer.from('c2.5').toString('base64url')],
    ['a negative seq', Buffer.from('c1.-5').toString('base64url')],
    ['leading zeros', Buffer.from('c1.007').toString('base64url')],
    ['beyond a safe integer', Buffer.from('c1.9999999999999999').toString('base64url')],
    ['empty', ''],
  ])('refuses %s with a 400 bad-cursor problem', (_what, cursor) => {
    try {
      decodeCursor(cursor);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).body()).toMatchObject({
        status: 400,
        type: 'urn:depeche:problem:bad-cursor',
      });
    }
  });
});

import { renderNewsmlItem, renderNinjs } from '@depeche/renderers';
import { sampleArticle } from '@depeche/testing';
import { renditionHashes } from './rendition-hashes';

const RECEIVED = '2025-07-04T12:00:00.000Z';
const LIFT = '2025-07-04T13:00:00.000Z';

/**
 * Issue 7, the audit trail's rendition hashes: a partner waiting for an embargo gets the version
 * rendered as of the lift (usable, no marking), not as of its receipt. The trail showed only the
 * hash of the receipt, which matched no copy such a partner holds.
 */
describe('the rendition hashes of a version', () => {
  it('are those of the lift too when it came under embargo', () => {
    const article = sampleArticle({ embargoUntil: LIFT });
    const atLift = { article, level: 'full' as const, now: new Date(LIFT) };
    const hashes = renditionHashes(article, RECEIVED);
    expect(hashes).toContainEqual({
      format: 'ninjs',
      etag: renderNinjs(atLift).etag,
      held: 'from the lift',
    });
    expect(hashes).toContainEqual({
      format: 'newsml-g2',
      etag: renderNewsmlItem(atLift).etag,
      held: 'from the lift',
    });
    // And those of the receipt, what partners taking early delivery got: other bytes.
    const early = hashes.filter((h) => h.held === 'before the lift (early delivery)');
    expect(early).toHaveLength(2);
    expect(early.map((h) => h.etag)).not.toContain(renderNinjs(atLift).etag);
  });

  it('are one per format when it came with no embargo', () => {
    const article = sampleArticle();
    expect(renditionHashes(article, RECEIVED)).toEqual([
      {
        format: 'newsml-g2',
        etag: renderNewsmlItem({ article, level: 'full', now: new Date(RECEIVED) }).etag,
      },
      {
        format: 'ninjs',
        etag: renderNinjs({ article, level: 'full', now: new Date(RECEIVED) }).etag,
      },
    ]);
  });
});

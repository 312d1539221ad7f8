import { CONTENT_LEVELS, type ContentLevel } from '@depeche/article';
import { PARTNER_CONTENT_LEVELS, type PartnerContentLevel } from '@depeche/contracts';

/**
 * @depeche/contracts repeats the content levels because it may not import @depeche/article; if
 * one list changes without the other, this fails (and so does tsc, through the assignments).
 */
describe('content levels', () => {
  it('are the same in the admin contract and the article model', () => {
    const toArticle: readonly ContentLevel[] = PARTNER_CONTENT_LEVELS;
    const toContract: readonly PartnerContentLevel[] = CONTENT_LEVELS;
    expect(toArticle).toEqual(toContract);
  });
});

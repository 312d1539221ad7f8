import type { NewDelivery } from '@depeche/persistence';

/** A webhook delivery of `article` v`version` to `target`, id `target-article-version`. */
export function newDelivery(
  target: string,
  article: string,
  version: number,
  notBefore: Date,
  storedAt: Date = notBefore,
): NewDelivery {
  return {
    id: `${target}-${article}-${version}`,
    kind: 'webhook',
    targetId: target,
    articleId: article,
    guid: `urn:${article}`,
    version,
    change: 'published',
    format: 'ninjs',
    level: 'full',
    embargoed: false,
    notBefore: notBefore.toISOString(),
    storedAt: storedAt.toISOString(),
  };
}

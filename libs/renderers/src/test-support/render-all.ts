import type { Article, ContentLevel } from '@depeche/article';
import { renderAtom } from '../atom/atom.renderer';
import { renderJsonFeed } from '../json-feed/json-feed.renderer';
import { renderNewsmlItem, renderNewsmlMessage } from '../newsml-g2/newsml-g2.renderer';
import { renderNinjs } from '../ninjs/ninjs.renderer';
import type { Rendition } from '../rendition';
import { renderRss } from '../rss/rss.renderer';
import type { Channel } from '../channel';
import { sampleChannel } from './sample-channel';

/** Every format's rendition of the same stories at one level, as the feed API would serve them. */
export interface AllRenditions {
  readonly newsItems: Rendition[];
  readonly newsMessage: Rendition;
  readonly rss: Rendition;
  readonly atom: Rendition;
  readonly jsonFeed: Rendition;
  readonly ninjs: Rendition[];
}

const FEEDS = 'https://feeds.webradio-media.example/international';

export function renderAll(
  articles: readonly Article[],
  level: ContentLevel,
  now: Date,
  channel: (selfUrl: string) => Channel = sampleChannel,
): AllRenditions {
  return {
    newsItems: articles.map((article) => renderNewsmlItem({ article, level, now })),
    newsMessage: renderNewsmlMessage({ articles, channel: channel(`${FEEDS}.xml`), level, now }),
    rss: renderRss({ articles, channel: channel(`${FEEDS}.rss`), level, now }),
    atom: renderAtom({ articles, channel: channel(`${FEEDS}.atom`), level, now }),
    jsonFeed: renderJsonFeed({ articles, channel: channel(`${FEEDS}.json`), level, now }),
    ninjs: articles.map((article) => renderNinjs({ article, level, now })),
  };
}

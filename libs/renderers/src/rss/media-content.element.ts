import type { Image } from '@depeche/article';
import { element, textElement, type XmlNode } from '../xml/xml-node';

/** Media RSS 1.5.1 `media:content` (https://www.rssboard.org/media-rss#media-content), one per image. */
export function mediaContentElement(image: Image): XmlNode {
  return element(
    'media:content',
    {
      url: image.url,
      type: image.mediaType,
      medium: 'image',
      width: image.width?.toString(),
      height: image.height?.toString(),
    },
    [
      image.caption !== undefined &&
        textElement('media:description', image.caption, { type: 'plain' }),
      image.credit !== undefined && textElement('media:credit', image.credit),
    ],
  );
}

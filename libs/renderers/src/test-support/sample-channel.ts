import type { Channel } from '../channel';

/** The channel the golden files are rendered for; `selfUrl` is per format, as in production. */
export function sampleChannel(
  selfUrl = 'https://feeds.webradio-media.example/international.rss',
): Channel {
  return {
    id: 'urn:depeche:feed:webradio-media:international:fr',
    title: 'webradio media — International',
    description: 'Les dépêches internationales de webradio media',
    language: 'fr',
    link: 'https://webradio-media.example/international',
    selfUrl,
    hubUrl: 'https://hub.webradio-media.example/',
    nextUrl: `${selfUrl}?page=2&lang=fr`,
    publisher: 'webradio media',
    generator: 'depeche 0.1.0',
  };
}

import { Matches } from 'class-validator';

export const SITEMAP_FILE = /^([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\.xml$/;

export class SitemapParams {
  @Matches(SITEMAP_FILE, { message: 'the sitemap must be <channel>.xml' })
  file!: string;
}

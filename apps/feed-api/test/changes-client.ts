import type { FeedApiWorld } from './feed-api-harness';

export interface ChangeEntryJson {
  cursor: string;
  id: string;
  version: number;
  change: string;
  embargoed: boolean;
  embargoUntil?: string;
  href: string;
}

export interface ChangePageJson {
  changes: ChangeEntryJson[];
  cursor: string;
  more: boolean;
}

/** One page of the change stream, failing the test on anything but 200. */
export async function changesPage(
  world: Pick<FeedApiWorld, 'get'>,
  key: string,
  query = '',
): Promise<ChangePageJson> {
  const response = await world.get(`/v1/changes${query}`, key);
  if (response.status !== 200)
    throw new Error(`changes: ${response.status} ${await response.text()}`);
  return (await response.json()) as ChangePageJson;
}

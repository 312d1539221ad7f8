/** The apps `npm start` runs, each on its default port (the same defaults as the apps' configs). */
export interface AppProcess {
  readonly name: 'feed-api' | 'ingest' | 'distributor' | 'ops';
  readonly port: number;
  readonly role: string;
}

export const APPS: readonly AppProcess[] = [
  { name: 'ingest', port: 3001, role: 'consumes article events' },
  { name: 'feed-api', port: 3000, role: 'partner feeds' },
  { name: 'distributor', port: 3002, role: 'webhooks and WebSub' },
  { name: 'ops', port: 3003, role: 'operators’ dashboard' },
];

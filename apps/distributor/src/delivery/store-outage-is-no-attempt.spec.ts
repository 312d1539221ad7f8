import type { DeliveryRenditions, WebhookEndpointStore } from '@depeche/persistence';
import { sampleEntitlement } from '@depeche/testing';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../crypto/secret-box';
import { claimedDelivery } from '../test-support/claimed-delivery';
import { STORE_RETRY_MS, WebhookSender } from './webhook.sender';

const now = new Date('2025-07-04T15:00:00.000Z');

/**
 * A delivery whose endpoint, partner or stored version cannot be read (the database is away) is
 * put off, not attempted: the partner is not at fault, so no attempt is counted against the
 * delivery and no failure against the partner's circuit; an outage never dead-letters it.
 */
describe('a webhook delivery while the store does not answer', () => {
  it('is postponed a few seconds and sends nothing', async () => {
    const box = new SecretBox(randomBytes(32));
    const endpoints = {
      get: () =>
        Promise.resolve({
          id: 'w1',
          partnerId: 'p1',
          // Nothing listens there: an attempt would come back as a failed one.
          url: 'http://127.0.0.1:9/hook',
          format: 'ninjs',
          status: 'active',
          secret: box.seal('whsec_test', 'w1'),
          createdAt: '',
          updatedAt: '',
        }),
    } as unknown as WebhookEndpointStore;
    const renditions = {
      get: () => Promise.reject(new Error('not asked')),
    } as unknown as DeliveryRenditions;
    const sender = new WebhookSender(
      endpoints,
      renditions,
      box,
      {
        partners: {
          getPartner: () =>
            Promise.resolve({
              id: 'p1',
              name: 'p1',
              status: 'active',
              entitlement: sampleEntitlement(),
            }),
        },
        articles: { version: () => Promise.reject(new Error('connection refused')) },
      },
      { timeoutMs: 1_000, lookup: () => undefined, publicBaseUrl: 'http://feeds.test' },
    );
    const report = await sender.send(claimedDelivery('w1', 'story', now), now);
    expect(report).toEqual({
      kind: 'postpone',
      at: new Date(now.getTime() + STORE_RETRY_MS),
      reason: "reading the delivery's endpoint, partner or rendition failed: connection refused",
    });
  });
});

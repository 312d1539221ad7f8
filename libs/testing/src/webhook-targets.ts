import { PartnerStore, WebhookEndpointStore, type SqlDatabase } from '@depeche/persistence';
import { sampleEntitlement } from './sample-entitlement';

/**
 * For delivery-queue specs: claims look only at existing, active targets, so every target a spec
 * queues for is stored as a webhook endpoint (ninjs, `https://<id>.example/hook`) of one partner.
 */
export async function storeWebhookTargets(
  db: SqlDatabase,
  ids: readonly string[],
  partnerId = 'owner',
): Promise<void> {
  await new PartnerStore(db).createPartner({
    id: partnerId,
    name: partnerId,
    entitlement: sampleEntitlement({ formats: ['ninjs'] }),
  });
  const endpoints = new WebhookEndpointStore(db);
  for (const id of ids) {
    await endpoints.create({
      id,
      partnerId,
      url: `https://${id}.example/hook`,
      format: 'ninjs',
      secret: 'sealed',
    });
  }
}

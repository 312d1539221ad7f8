import type { PushTargets } from '../fanout/push-targets';
import type { TargetDirectory } from '../fanout/target-directory';

/**
 * For fan-out specs: one active partner (section international, French, full text, ninjs, waits
 * for embargoes to lift) with one webhook endpoint, `w1`.
 */
export function oneWebhookPartner(): TargetDirectory {
  return { load: () => Promise.resolve(oneWebhookTargets()) } as unknown as TargetDirectory;
}

/** The targets oneWebhookPartner loads, for specs of the pure planner. */
export function oneWebhookTargets(): PushTargets {
  return {
    webhooks: [
      {
        endpoint: {
          id: 'w1',
          partnerId: 'p1',
          url: 'http://127.0.0.1/hook',
          format: 'ninjs',
          status: 'active',
          secret: 'sealed',
          createdAt: '',
          updatedAt: '',
        },
        partner: {
          id: 'p1',
          name: 'p1',
          status: 'active',
          entitlement: {
            sections: ['international'],
            languages: ['fr'],
            territories: [],
            contentLevel: 'full',
            formats: ['ninjs'],
            embargo: 'on-lift',
          },
        },
      },
    ],
    websub: [],
  };
}

import type { Partner } from '@depeche/entitlements';
import type {
  PartnerStore,
  WebhookEndpointStore,
  WebsubSubscriptionStore,
} from '@depeche/persistence';
import type { PushTargets, WebsubTarget } from './push-targets';

/** Reads every push target with what it is entitled to, once per batch (so a change applies at once). */
export class TargetDirectory {
  constructor(
    private readonly webhooks: WebhookEndpointStore,
    private readonly subscriptions: WebsubSubscriptionStore,
    private readonly partners: PartnerStore,
  ) {}

  async load(now: Date): Promise<PushTargets> {
    const [webhooks, subscriptions] = await Promise.all([
      this.webhooks.activeTargets(),
      this.subscriptions.active(now),
    ]);
    const partners = new Map<string, Partner | undefined>();
    const websub: WebsubTarget[] = [];
    for (const subscription of subscriptions) {
      const { partnerId, channelSlug } = subscription;
      if (partnerId === undefined) {
        const channel = await this.partners.publicChannel(channelSlug);
        if (channel) websub.push({ subscription, channel });
        continue;
      }
      if (!partners.has(partnerId))
        partners.set(partnerId, await this.partners.getPartner(partnerId));
      const partner = partners.get(partnerId);
      // A suspended partner's feeds answer 401; there is nothing to push.
      if (partner?.status !== 'active') continue;
      const channel = await this.partners.channel(partnerId, channelSlug);
      if (channel) websub.push({ subscription, channel, partner });
    }
    return { webhooks, websub };
  }
}

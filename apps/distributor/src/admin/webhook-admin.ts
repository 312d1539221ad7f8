import { mayUseFormat } from '@depeche/entitlements';
import { Problem } from '@depeche/observability';
import type { PartnerStore, WebhookEndpoint, WebhookEndpointStore } from '@depeche/persistence';
import { randomUUID } from 'node:crypto';
import type { SecretBox } from '../crypto/secret-box';
import { newWebhookSecret } from '../crypto/webhook-secret';
import type { AddressPolicy } from '../net/address-policy';
import { urlRefusal } from '../net/check-url';
import type { CreateWebhookDto, RotateSecretDto, UpdateWebhookDto } from './webhook.dto';

/** An endpoint as the admin API shows it: never a secret, sealed or not. */
export interface WebhookView {
  readonly id: string;
  readonly partnerId: string;
  readonly url: string;
  readonly format: string;
  readonly status: string;
  readonly disabledReason?: string;
  readonly previousSecretUntil?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function viewOf(endpoint: WebhookEndpoint): WebhookView {
  const { secret: _secret, previousSecret: _previous, ...view } = endpoint;
  return view;
}

/** Webhook endpoints as an operator manages them; the secret is shown once, when made. */
export class WebhookAdmin {
  constructor(
    private readonly endpoints: WebhookEndpointStore,
    private readonly partners: PartnerStore,
    private readonly box: SecretBox,
    private readonly policy: AddressPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(
    partnerId: string,
    input: CreateWebhookDto,
  ): Promise<{ endpoint: WebhookView; secret: string }> {
    const partner = await this.partners.getPartner(partnerId);
    if (!partner) throw new Problem(404, `No partner ${partnerId}.`);
    if (!mayUseFormat(partner.entitlement, input.format)) {
      throw new Problem(422, `The partner may not use the ${input.format} format.`);
    }
    await this.checkUrl(input.url);
    const id = randomUUID();
    const secret = newWebhookSecret();
    const endpoint = await this.endpoints.create({
      id,
      partnerId,
      url: input.url,
      format: input.format,
      secret: this.box.seal(secret, id),
    });
    return { endpoint: viewOf(endpoint), secret };
  }

  async list(partnerId: string): Promise<WebhookView[]> {
    return (await this.endpoints.listByPartner(partnerId)).map(viewOf);
  }

  async update(id: string, input: UpdateWebhookDto): Promise<WebhookView> {
    const current = await this.require(id);
    if (input.url !== undefined) await this.checkUrl(input.url);
    if (input.format !== undefined) {
      const partner = await this.partners.getPartner(current.partnerId);
      if (!partner || !mayUseFormat(partner.entitlement, input.format)) {
        throw new Problem(422, `The partner may not use the ${input.format} format.`);
      }
    }
    let endpoint = (await this.endpoints.update(id, input)) ?? current;
    if (input.status !== undefined)
      endpoint = (await this.endpoints.setStatus(id, input.status)) ?? endpoint;
    return viewOf(endpoint);
  }

  async rotate(
    id: string,
    input: RotateSecretDto,
  ): Promise<{ endpoint: WebhookView; secret: string }> {
    const current = await this.require(id);
    const now = this.clock();
    const overlapHours = input.overlapHours ?? 24;
    // One secret in overlap at a time: a second rotation would drop the oldest while receivers
    // may still verify with it. Ending the overlap at once (0 hours, e.g. after a leak) drops both.
    const overlapEnds = current.previousSecretUntil;
    if (overlapHours > 0 && overlapEnds !== undefined && overlapEnds > now.toISOString()) {
      throw new Problem(
        409,
        `The previous secret of webhook ${id} still signs until ${overlapEnds}: rotating again now would stop signing with it while receivers may still verify with it. Rotate after that time, or with overlapHours 0 to stop signing with both older secrets at once.`,
      );
    }
    const secret = newWebhookSecret();
    const until = new Date(now.getTime() + overlapHours * 3_600_000);
    const endpoint = await this.endpoints.rotateSecret(
      id,
      this.box.seal(secret, id),
      current.secret,
      until,
    );
    if (!endpoint) {
      throw new Problem(
        409,
        `The secret of webhook ${id} was rotated meanwhile; list it and retry.`,
      );
    }
    return { endpoint: viewOf(endpoint), secret };
  }

  async remove(id: string): Promise<{ id: string; removed: boolean }> {
    return { id, removed: await this.endpoints.remove(id) };
  }

  private async require(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.get(id);
    if (!endpoint) throw new Problem(404, `No webhook endpoint ${id}.`);
    return endpoint;
  }

  private async checkUrl(url: string): Promise<void> {
    const refusal = await urlRefusal(url, this.policy);
    if (refusal) throw new Problem(422, `The webhook URL is refused: ${refusal}`);
  }
}

/* The shapes live in @depeche/contracts (see entitlement.ts); re-exported under their old names. */
export { PARTNER_STATUSES } from '@depeche/contracts';
export type { Channel, Partner, PartnerStatus } from '@depeche/contracts';

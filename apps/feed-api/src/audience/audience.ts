import type { Partner } from '@depeche/entitlements';

/** Who is asking: a partner with a valid key, or anyone (public channels only). */
export type Audience =
  { readonly kind: 'partner'; readonly partner: Partner } | { readonly kind: 'public' };

/** Where the guard leaves the audience on the request. */
export const AUDIENCE = Symbol('depeche.audience');

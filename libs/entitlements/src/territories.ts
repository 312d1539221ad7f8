import type { Rights } from '@depeche/article';

/**
 * Whether the rights permit publishing in every territory the partner publishes in. Denied wins
 * over allowed; an empty allowed list means everywhere not denied. A partner with no territories
 * publishes worldwide, so it gets only stories with no territory restriction at all: rights are
 * the one rule where guessing wide breaks a contract with the rights holder.
 */
export function territoriesPermitted(
  partnerTerritories: readonly string[],
  rights: Rights,
): boolean {
  if (partnerTerritories.length === 0) return !hasTerritoryRestriction(rights);
  return partnerTerritories.every((territory) => territoryPermitted(territory, rights));
}

/** Whether the rights limit where the story may appear: a worldwide feed cannot honour that. */
export function hasTerritoryRestriction(rights: Rights): boolean {
  return rights.allowedTerritories.length > 0 || rights.deniedTerritories.length > 0;
}

function territoryPermitted(territory: string, rights: Rights): boolean {
  // The normaliser upper-cases article codes (ISO 3166-1 alpha-2); partner codes may come in lower.
  const code = territory.toUpperCase();
  if (rights.deniedTerritories.includes(code)) return false;
  return rights.allowedTerritories.length === 0 || rights.allowedTerritories.includes(code);
}

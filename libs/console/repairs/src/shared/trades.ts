import type { Trade } from '@hearth/console-core';

/** Every trade, in the order staff look for them. */
export const TRADES: readonly Trade[] = [
  'GENERAL', 'PLUMBING', 'HEATING', 'GAS', 'ELECTRICAL', 'CARPENTRY', 'ROOFING', 'PLASTERING', 'DECORATING', 'GLAZING', 'DRAINAGE',
  'DAMP_AND_MOULD', 'BRICKWORK', 'FENCING', 'GROUNDWORKS', 'LOCKSMITH', 'PEST_CONTROL', 'LIFT', 'ASBESTOS', 'OTHER',
];

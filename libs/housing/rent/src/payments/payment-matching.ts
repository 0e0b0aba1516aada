import { sqlText } from '@hearth/platform-kernel';
import { PAYMENT_CHANNELS, type PaymentChannel } from '../rent.entities';

/**
 * A payer's reference as accounts hold theirs: upper case, spaces removed, so "ab 1234/5" pays
 * account AB1234/5. Anything else (a missing hyphen, a typo) is left for staff in suspense: a
 * guess that pays the wrong account is worse than a payment that waits.
 */
export const normalisedReference = (reference: string) => `upper(replace(${reference}, ' ', ''))`;

/**
 * The join that finds the open account a reference pays, as `alias` (null when there is none).
 * Account references are unique per member, so a match is exactly one account.
 */
export const openAccountFor = (reference: string, alias = 'a') =>
  `left join hearth.rent_account ${alias} on ${alias}.payment_reference = ${normalisedReference(reference)} and ${alias}.closed_on is null`;

/** How a payment reads on the account's ledger and statements. */
export const PAYMENT_DESCRIPTIONS: Record<PaymentChannel, string> = {
  bank: 'Payment by bank transfer',
  card: 'Payment by card',
  direct_debit: 'Payment by Direct Debit',
  standing_order: 'Payment by standing order',
  housing_benefit: 'Housing Benefit',
  universal_credit: 'Universal Credit direct payment',
  cash: 'Payment in cash',
  cheque: 'Payment by cheque',
  other: 'Payment',
};

/** The ledger description of a payment received through the channel `channel` (SQL). */
export const paymentDescription = (channel: string) =>
  `case ${channel} ${PAYMENT_CHANNELS.map((c) => `when ${sqlText(c)} then ${sqlText(PAYMENT_DESCRIPTIONS[c])}`).join(' ')} end`;

/** The payload of rent.payment.posted and rent.payment.suspended over a payment row `p` (SQL, jsonb). */
export const paymentEventPayload = (p = 'p') =>
  `jsonb_build_object('paymentId', ${p}.id, 'accountId', ${p}.account_id, 'source', ${p}.source, 'channel', ${p}.channel,
     'paymentReference', ${p}.payment_reference, 'amountPence', ${p}.amount_pence, 'receivedOn', ${p}.received_on)`;

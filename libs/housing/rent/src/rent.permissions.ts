import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/** Who may do what with rent. A payment provider posts payments; nothing else of income is a partner's. */
export const rentPermissions = definePermissions({
  read: {
    description: 'Read rent accounts, their transactions, statements, arrears, arrangements, payments and runs',
    roles: ANY_STAFF_ROLE,
    scopes: ['rent:read'],
  },
  manage: {
    description: 'Open accounts, set charges and rent reviews, allocate payments from suspense, refund and transfer, run recovery and arrangements',
    roles: [Role.TenantAdmin, Role.IncomeOfficer],
  },
  runRent: {
    description: 'Start rent runs (and dry runs)',
    roles: [Role.TenantAdmin, Role.IncomeOfficer],
  },
  postPayment: {
    description: "Post a payment received by a payment provider (idempotent by the provider's key)",
    roles: [],
    scopes: ['payments:write'],
  },
});

/** Payloads carry ids, references, amounts in pence and dates: never a resident's name or address. */
export const RentEvent = {
  AccountOpened: 'rent.account.opened',
  ChargesReviewed: 'rent.charges.reviewed',
  RunQueued: 'rent.run.queued',
  RunCompleted: 'rent.run.completed',
  PaymentPosted: 'rent.payment.posted',
  PaymentSuspended: 'rent.payment.suspended',
  RefundPosted: 'rent.refund.posted',
  TransferPosted: 'rent.transfer.posted',
  ArrearsStageEntered: 'rent.arrears.stage_entered',
  ArrangementMade: 'rent.arrangement.made',
  ArrangementBroken: 'rent.arrangement.broken',
} as const;

export const rentEvents = {
  [RentEvent.AccountOpened]: { description: 'A rent account was opened for a tenancy, with its payment reference.' },
  [RentEvent.ChargesReviewed]: { description: "An account's charges change from a date (a rent review, say)." },
  [RentEvent.RunQueued]: { description: 'A rent run (or dry run) was started and waits for a worker.' },
  [RentEvent.RunCompleted]: { description: "A rent run posted a period's charges: the period, how many accounts and charges, the total." },
  [RentEvent.PaymentPosted]: { description: 'A payment was allocated to a rent account (from a file, a provider, or out of suspense).' },
  [RentEvent.PaymentSuspended]: { description: 'A payment matched no account and waits in suspense for staff to allocate it.' },
  [RentEvent.RefundPosted]: { description: 'A payment was (partly) refunded.' },
  [RentEvent.TransferPosted]: { description: 'Credit was transferred from one rent account to another.' },
  [RentEvent.ArrearsStageEntered]: { description: 'An account entered a recovery stage (its letters and tasks were created).' },
  [RentEvent.ArrangementMade]: { description: 'A payment arrangement was agreed on an account in arrears.' },
  [RentEvent.ArrangementBroken]: { description: 'A payment arrangement fell behind its schedule (raised once per arrangement).' },
};

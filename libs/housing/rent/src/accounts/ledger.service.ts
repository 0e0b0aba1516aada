import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ukDay } from '@hearth/platform-calendar';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import type { ChargeType, PaymentChannel, TransactionKind } from '../rent.entities';
import { RentEvent } from '../rent.permissions';
import { PaymentAlreadyAllocated, PaymentNotFound } from '../payments/payments.model';
import { PAYMENT_DESCRIPTIONS } from '../payments/payment-matching';
import {
  InsufficientCredit, PaymentNotAllocated, RefundExceedsPayment, RentAccountClosed, RentAccountNotFound, RentInputInvalid, RentTransaction,
  RentTransfer, type RentTransactionRow,
} from './accounts.model';
import { transactionColumns } from './accounts.sql';

/** One transaction to post. Signs follow the ledger's rules (see docs/rent.md, "The ledger"); the database checks them. */
export interface LedgerEntry {
  accountId: string;
  kind: TransactionKind;
  amountPence: number;
  /** YYYY-MM-DD. */
  effectiveOn: string;
  description: string;
  paymentId?: string | null;
  pairId?: string | null;
  chargeType?: ChargeType | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

export interface AllocatedPayment {
  paymentId: string;
  accountId: string;
  transaction: RentTransactionRow;
}

export type AllocationFailure = PaymentNotFound | PaymentAlreadyAllocated | RentAccountNotFound | RentAccountClosed;

interface PaymentRow {
  id: string;
  accountId: string | null;
  amountPence: number;
  receivedOn: string;
  channel: PaymentChannel;
}

interface LockedAccount {
  id: string;
  balancePence: number;
  closedOn: string | null;
}

const ENTRY_FIELDS = 11;

/**
 * The one place single transactions are posted. Every posting is one INSERT: the ledger's
 * statement-level trigger adds it to the account's balance (locking the accounts in id order),
 * so a balance can never drift from its transactions, and nothing here writes a balance. Bulk
 * writers (rent runs, payment imports) insert set-based themselves; the trigger serves them too.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** Posts one transaction, audited. The caller has checked it is allowed; the database checks its shape. */
  async post(entry: LedgerEntry): Promise<RentTransactionRow> {
    const [row] = await this.insert([entry]);
    await this.audit.record({ operation: 'postRentTransaction', targetType: 'rent_account', targetId: entry.accountId, after: row });
    return row;
  }

  /**
   * Puts a payment on an account: the payment row records where and by whom, and its ledger
   * transaction (negative) is posted, in the caller's transaction. The payment row is locked
   * first, so two allocations of one payment serialise and the second is refused.
   */
  async allocatePayment(paymentId: string, accountId: string): Promise<AllocatedPayment | AllocationFailure> {
    const [payment] = await this.transactions.query<PaymentRow>(
      `select id, account_id as "accountId", amount_pence::float8 as "amountPence", received_on::text as "receivedOn", channel
       from hearth.payment where id = $1 for update`,
      [paymentId],
    );
    if (!payment) return PaymentNotFound.of(paymentId);
    if (payment.accountId) return PaymentAlreadyAllocated.of(paymentId, payment.accountId);
    const [account] = await this.transactions.query<{ closedOn: string | null }>(
      `select closed_on::text as "closedOn" from hearth.rent_account where id = $1`, [accountId]);
    if (!account) return RentAccountNotFound.of(accountId);
    if (account.closedOn) return RentAccountClosed.of(accountId, account.closedOn);

    const by = actorLabel(hearthContext.require().actor);
    await this.transactions.query(`update hearth.payment set account_id = $2, allocated_at = now(), allocated_by = $3 where id = $1`, [paymentId, accountId, by]);
    const [transaction] = await this.insert([{
      accountId, kind: 'payment', amountPence: -payment.amountPence, effectiveOn: payment.receivedOn,
      description: PAYMENT_DESCRIPTIONS[payment.channel], paymentId,
    }]);
    await this.audit.record({ operation: 'allocatePayment', targetType: 'payment', targetId: paymentId, after: { accountId, transactionId: transaction.id } });
    await this.outbox.publish({
      type: RentEvent.PaymentPosted, aggregateType: 'rent_account', aggregateId: accountId,
      payload: { paymentId, accountId, channel: payment.channel, amountPence: payment.amountPence, receivedOn: payment.receivedOn, transactionId: transaction.id },
    });
    return { paymentId, accountId, transaction };
  }

  /**
   * Pays back (part of) an allocated payment: a REFUND (+amount) on the payment's account, paired
   * with the payment's transaction. Refunds of one payment never add up to more than it.
   */
  async refund(input: { paymentId: string; amountPence: number; reason: string }): Promise<RentTransaction | PaymentNotFound | PaymentNotAllocated | RefundExceedsPayment> {
    // Locking the payment serialises refunds of it, so two cannot both fit the same remainder.
    const [payment] = await this.transactions.query<PaymentRow>(
      `select id, account_id as "accountId", amount_pence::float8 as "amountPence", received_on::text as "receivedOn", channel
       from hearth.payment where id = $1 for update`,
      [input.paymentId],
    );
    if (!payment) return PaymentNotFound.of(input.paymentId);
    if (!payment.accountId) return PaymentNotAllocated.of(input.paymentId);
    const [{ paymentTransactionId, refundedPence }] = await this.transactions.query<{ paymentTransactionId: string; refundedPence: number }>(
      `select (select id from hearth.rent_transaction where payment_id = $1 and kind = 'payment') as "paymentTransactionId",
              (select coalesce(sum(amount_pence), 0)::float8 from hearth.rent_transaction
                where account_id = $2 and payment_id = $1 and kind = 'refund') as "refundedPence"`,
      [payment.id, payment.accountId],
    );
    const unrefunded = payment.amountPence - refundedPence;
    if (input.amountPence > unrefunded) return RefundExceedsPayment.of(payment.id, unrefunded);

    const [row] = await this.insert([{
      accountId: payment.accountId, kind: 'refund', amountPence: input.amountPence, effectiveOn: ukDay(new Date()),
      description: `Refund: ${input.reason}`, paymentId: payment.id, pairId: paymentTransactionId,
    }]);
    await this.audit.record({ operation: 'refundPayment', targetType: 'payment', targetId: payment.id, after: { ...row, reason: input.reason } });
    await this.outbox.publish({
      type: RentEvent.RefundPosted, aggregateType: 'rent_account', aggregateId: payment.accountId,
      payload: { accountId: payment.accountId, paymentId: payment.id, transactionId: row.id, amountPence: input.amountPence },
    });
    return RentTransaction.from(row);
  }

  /**
   * Moves credit from one account to another: TRANSFER_OUT (+amount) on the source, whose credit
   * goes down, and TRANSFER_IN (−amount) on the target, sharing a pair id, in one statement.
   * Only credit moves: the source must be in credit by at least the amount.
   */
  async transfer(input: { fromAccountId: string; toAccountId: string; amountPence: number; reason: string }): Promise<
    RentTransfer | RentAccountNotFound | RentAccountClosed | InsufficientCredit | RentInputInvalid
  > {
    const { fromAccountId, toAccountId, amountPence, reason } = input;
    if (fromAccountId === toAccountId) return RentInputInvalid.one('toAccountId', 'A transfer needs two different accounts');
    // Both accounts locked in id order, as the ledger's trigger locks them, so the balance read
    // here is still the balance when the transfer lands and no two writers wait on each other in a cycle.
    const locked = await this.transactions.query<LockedAccount>(
      `select id, balance_pence::float8 as "balancePence", closed_on::text as "closedOn"
       from hearth.rent_account where id = any($1::uuid[]) order by id for no key update`,
      [[fromAccountId, toAccountId]],
    );
    const from = locked.find((a) => a.id === fromAccountId);
    const to = locked.find((a) => a.id === toAccountId);
    if (!from) return RentAccountNotFound.of(fromAccountId);
    if (!to) return RentAccountNotFound.of(toAccountId);
    // Credit may leave a closed account (a former tenancy's, say) but not arrive on one.
    if (to.closedOn) return RentAccountClosed.of(to.id, to.closedOn);
    if (from.balancePence > -amountPence) return InsufficientCredit.of(from.id, from.balancePence);

    const pairId = randomUUID();
    const effectiveOn = ukDay(new Date());
    const posted = await this.insert([
      { accountId: fromAccountId, kind: 'transfer_out', amountPence, effectiveOn, description: `Transfer out: ${reason}`, pairId },
      { accountId: toAccountId, kind: 'transfer_in', amountPence: -amountPence, effectiveOn, description: `Transfer in: ${reason}`, pairId },
    ]);
    await this.audit.record({ operation: 'transferRentCredit', targetType: 'rent_account', targetId: fromAccountId, after: { pairId, fromAccountId, toAccountId, amountPence, reason } });
    await this.outbox.publish({
      type: RentEvent.TransferPosted, aggregateType: 'rent_account', aggregateId: fromAccountId,
      payload: { pairId, fromAccountId, toAccountId, amountPence },
    });
    const half = (kind: TransactionKind) => RentTransaction.from(posted.find((row) => row.kind === kind)!);
    return Object.assign(new RentTransfer(), { pairId, transferOut: half('transfer_out'), transferIn: half('transfer_in') });
  }

  /** Corrects an account with an ADJUSTMENT: positive adds to what is owed, negative takes from it. */
  async adjust(input: { accountId: string; amountPence: number; effectiveOn?: string; reason: string }): Promise<RentTransaction | RentAccountNotFound> {
    const [account] = await this.transactions.query(`select 1 from hearth.rent_account where id = $1`, [input.accountId]);
    if (!account) return RentAccountNotFound.of(input.accountId);
    const [row] = await this.insert([{
      accountId: input.accountId, kind: 'adjustment', amountPence: input.amountPence,
      effectiveOn: input.effectiveOn ?? ukDay(new Date()), description: `Adjustment: ${input.reason}`,
    }]);
    await this.audit.record({ operation: 'adjustRentAccount', targetType: 'rent_account', targetId: input.accountId, after: { ...row, reason: input.reason } });
    return RentTransaction.from(row);
  }

  /** Inserts the entries in one statement (so the balance trigger runs once, over all of them). */
  private async insert(entries: LedgerEntry[]): Promise<RentTransactionRow[]> {
    const by = actorLabel(hearthContext.require().actor);
    const tenantId = hearthContext.require().requireTenantId();
    const values: unknown[] = [];
    const tuples = entries.map((e, i) => {
      values.push(tenantId, e.accountId, e.kind, e.amountPence, e.effectiveOn, e.description, e.chargeType ?? null, e.periodStart ?? null,
        e.periodEnd ?? null, e.paymentId ?? null, e.pairId ?? null);
      const p = (n: number) => `$${i * ENTRY_FIELDS + n}`;
      return `(${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}, ${p(4)}::bigint, ${p(5)}::date, ${p(6)}, ${p(7)}, ${p(8)}::date, ${p(9)}::date, ${p(10)}::uuid, ${p(11)}::uuid, $${entries.length * ENTRY_FIELDS + 1})`;
    });
    values.push(by);
    return this.transactions.query<RentTransactionRow>(
      `with entry (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, payment_id, pair_id, posted_by)
         as (values ${tuples.join(', ')}),
       posted as (
         insert into hearth.rent_transaction
           (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, payment_id, pair_id, posted_by)
         select tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, payment_id, pair_id, posted_by
         from entry
         returning *
       )
       select ${transactionColumns('t')} from posted t`,
      values,
    );
  }
}

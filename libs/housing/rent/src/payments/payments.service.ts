import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { Ledger, type AllocationFailure } from '../accounts/ledger.service';
import { PaymentEntity } from '../rent.entities';
import type { AllocatePaymentInput, PaymentsFilter } from './dto/payment.input';
import { Payment, type PaymentConnection } from './payments.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Payments as staff see them: the suspense list, payments by account, source and day, and allocating by hand. */
@Injectable()
export class PaymentService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly ledger: Ledger,
  ) {}

  /** Payments waiting in suspense, oldest first, paged by key on payment_in_suspense. */
  async suspense(args: PageArgs): Promise<PaymentConnection> {
    const query = (await this.transactions.repository(PaymentEntity)).createQueryBuilder('p').where('p.account_id is null');
    const total = await query.getCount();
    if (args.after) {
      const [receivedOn, id] = afterKey(args.after);
      query.andWhere('(p.received_on, p.id) > (:receivedOn::date, :id::uuid)', { receivedOn, id });
    }
    const rows = await query.orderBy('p.received_on').addOrderBy('p.id').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(Payment.from), args, total, (p) => [p.receivedOn, p.id]);
  }

  /** Payments newest first, filtered; an account's are paged by key on payment_by_account. */
  async list(filter: PaymentsFilter, args: PageArgs): Promise<PaymentConnection> {
    const query = (await this.transactions.repository(PaymentEntity)).createQueryBuilder('p');
    if (filter.accountId) query.andWhere('p.account_id = :accountId', { accountId: filter.accountId });
    if (filter.source) query.andWhere('p.source = :source', { source: filter.source });
    if (filter.receivedFrom) query.andWhere('p.received_on >= :from::date', { from: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('p.received_on <= :to::date', { to: filter.receivedTo });
    const total = await query.getCount();
    if (args.after) {
      const [receivedOn, id] = afterKey(args.after);
      query.andWhere('(p.received_on, p.id) < (:receivedOn::date, :id::uuid)', { receivedOn, id });
    }
    const rows = await query.orderBy('p.received_on', 'DESC').addOrderBy('p.id', 'DESC').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(Payment.from), args, total, (p) => [p.receivedOn, p.id]);
  }

  /** Allocates a payment in suspense to an account through the Ledger, which refuses one allocated already or a closed account. */
  async allocate({ paymentId, accountId }: AllocatePaymentInput): Promise<Payment | AllocationFailure> {
    const allocated = await this.ledger.allocatePayment(paymentId, accountId);
    if (!('transaction' in allocated)) return allocated;
    return Payment.from((await (await this.transactions.repository(PaymentEntity)).findOneByOrFail({ id: paymentId })));
  }
}

/** The (received_on, id) an `after` cursor carries, checked before it reaches SQL. */
function afterKey(after: string): [string, string] {
  const [receivedOn, id] = decodeCursor(after, 2);
  if (typeof receivedOn !== 'string' || !DAY.test(receivedOn) || typeof id !== 'string' || !UUID.test(id)) {
    throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
  }
  return [receivedOn, id];
}

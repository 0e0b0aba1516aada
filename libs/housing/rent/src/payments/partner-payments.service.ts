import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { actorLabel, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { isCalendarDay, ukDay } from '@hearth/platform-calendar';
import { Ledger } from '../accounts/ledger.service';
import { RentEvent } from '../rent.permissions';
import type { PostPaymentInput } from './dto/payment.input';
import { normalisedReference, paymentEventPayload } from './payment-matching';
import { IdempotencyKeyReused, PaymentRecorded } from './payments.model';

interface RecordedPayment { id: string; request_sha256: string; created_at: Date; allocated: boolean }

/**
 * Payments posted by payment providers, each kept by the provider's client id and its own
 * idempotency key with the hash of what it sent, in the same transaction as the payment and its
 * allocation: a retry is answered from the payment and changes nothing, a key sent again with
 * another payment is refused, and two identical postings at once record one payment (the second
 * insert waits on the first's unique key, then finds it taken).
 */
@Injectable()
export class PartnerPaymentService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly ledger: Ledger,
    private readonly outbox: Outbox,
  ) {}

  async post(input: PostPaymentInput): Promise<PaymentRecorded | IdempotencyKeyReused> {
    const { actor } = hearthContext.require();
    // The permission has no staff roles, so only a partner gets here; this says so if that ever changes.
    if (actor?.kind !== 'partner') throw new HearthError('FORBIDDEN', 'Only a payment provider posts payments');
    checkDay(input.receivedOn);
    const clientId = actor.id;
    const sha256 = requestHash(input);
    const earlier = await this.find(clientId, input.idempotencyKey);
    if (earlier) return answerAgain(input.idempotencyKey, earlier, sha256);

    const [recorded] = await this.transactions.query<{ id: string; created_at: Date }>(
      `insert into hearth.payment (tenant_id, source, channel, payment_reference, amount_pence, received_on, client_id, idempotency_key, request_sha256, created_by)
       values ((select hearth.current_tenant_id()), 'partner', $1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (tenant_id, client_id, idempotency_key) where idempotency_key is not null do nothing
       returning id, created_at`,
      [input.channel, input.paymentReference, input.amountPence, input.receivedOn, clientId, input.idempotencyKey, sha256, actorLabel(actor)],
    );
    if (!recorded) return answerAgain(input.idempotencyKey, (await this.find(clientId, input.idempotencyKey))!, sha256);

    const [account] = await this.transactions.query<{ id: string }>(
      `select id from hearth.rent_account where payment_reference = ${normalisedReference('$1')} and closed_on is null`,
      [input.paymentReference],
    );
    if (account) {
      await this.ledger.allocatePayment(recorded.id, account.id);
    } else {
      await this.outbox.publishRows(
        { type: RentEvent.PaymentSuspended, aggregateType: 'payment' },
        `select p.id as aggregate_id, ${paymentEventPayload('p')} as payload from hearth.payment p where p.id = $1`,
        [recorded.id],
      );
    }
    const status = account ? 'allocated' : 'suspense';
    return PaymentRecorded.of({ paymentId: recorded.id, idempotencyKey: input.idempotencyKey, status, receivedAt: recorded.created_at }, false);
  }

  private async find(clientId: string, idempotencyKey: string): Promise<RecordedPayment | undefined> {
    const [row] = await this.transactions.query<RecordedPayment>(
      `select id, request_sha256, created_at, account_id is not null as allocated from hearth.payment
       where client_id = $1 and idempotency_key = $2 and idempotency_key is not null`,
      [clientId, idempotencyKey],
    );
    return row;
  }
}

function checkDay(receivedOn: string): void {
  if (!isCalendarDay(receivedOn)) throw new HearthError('BAD_USER_INPUT', `receivedOn ${receivedOn} is not a date`, { field: 'receivedOn' });
  const today = ukDay(new Date());
  if (receivedOn > today) {
    throw new HearthError('BAD_USER_INPUT', `receivedOn ${receivedOn} is in the future; the day the money was received is today (${today}) or earlier`, { field: 'receivedOn' });
  }
}

/** The SHA-256 of the payment as sent, less its key, with its fields in a fixed order. */
export function requestHash(input: PostPaymentInput): string {
  const { amountPence, channel, paymentReference, receivedOn } = input;
  return createHash('sha256').update(JSON.stringify({ amountPence, channel, paymentReference, receivedOn })).digest('hex');
}

/** A retry's answer: the payment as it is now, or the refusal of a key reused for another payment. */
function answerAgain(idempotencyKey: string, earlier: RecordedPayment, sha256: string): PaymentRecorded | IdempotencyKeyReused {
  if (earlier.request_sha256 !== sha256) return IdempotencyKeyReused.of(idempotencyKey, earlier.created_at);
  const status = earlier.allocated ? 'allocated' : 'suspense';
  return PaymentRecorded.of({ paymentId: earlier.id, idempotencyKey, status, receivedAt: earlier.created_at }, true);
}

import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, PagedList } from '@hearth/console-core';
import {
  RentSuspenseAllocateDocument,
  RentSuspenseFindAccountDocument,
  RentSuspensePaymentsDocument,
  type RentSuspenseFindAccountQuery,
  type RentSuspensePaymentsQuery,
} from '../graphql.generated';

export type SuspensePayment = RentSuspensePaymentsQuery['suspensePayments']['edges'][number]['node'];
export type FoundAccount = RentSuspenseFindAccountQuery['rentAccounts']['edges'][number]['node'];
/** Why an allocation was refused, by the API's typed answer. */
export type AllocationProblem = 'PaymentAlreadyAllocated' | 'PaymentNotFound' | 'RentAccountClosed' | 'RentAccountNotFound';

/** Suspense, oldest first: each payment allocated by hand to the account its payer meant. */
@Injectable()
export class SuspenseStore {
  private readonly api = inject(HearthApi);

  readonly list = new PagedList<SuspensePayment>(25, async (first, after) => {
    const { data } = await this.api.query(RentSuspensePaymentsDocument, { first, after });
    return data.suspensePayments;
  });

  /** The payment being allocated, and the account found for it (null: none has the reference; undefined: not looked yet). */
  readonly selected = signal<SuspensePayment | null>(null);
  readonly found = signal<FoundAccount | null | undefined>(undefined);
  readonly busy = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly problem = signal<AllocationProblem | null>(null);
  /** The last allocation made, for the confirmation. */
  readonly allocated = signal<{ payment: SuspensePayment; reference: string } | null>(null);

  select(payment: SuspensePayment | null): void {
    this.selected.set(payment);
    this.found.set(undefined);
    this.problem.set(null);
    this.error.set(null);
  }

  async find(reference: string): Promise<void> {
    await this.work(async () => {
      const { data } = await this.api.query(RentSuspenseFindAccountDocument, { reference: reference.trim() });
      this.found.set(data.rentAccounts.edges[0]?.node ?? null);
    });
  }

  async allocate(): Promise<void> {
    const payment = this.selected();
    const account = this.found();
    if (!payment || !account) return;
    await this.work(async () => {
      const result = (await this.api.mutate(RentSuspenseAllocateDocument, { input: { paymentId: payment.id, accountId: account.id } })).allocatePayment;
      if (result.__typename === 'Payment') {
        this.allocated.set({ payment, reference: account.paymentReference });
        this.select(null);
        await this.list.reload();
      } else {
        this.problem.set(result.__typename);
      }
    });
  }

  private async work(step: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.problem.set(null);
    try {
      await step();
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}

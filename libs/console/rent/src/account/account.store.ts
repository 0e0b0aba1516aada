import { inject, Injectable, signal } from '@angular/core';
import { ApiError, type ArrangementFrequency, asApiError, HearthApi, PagedList, type RentLanguage } from '@hearth/console-core';
import {
  RentAccountCancelArrangementDocument,
  RentAccountMakeArrangementDocument,
  RentAccountPageDocument,
  RentAccountPaymentsDocument,
  RentAccountStatementDocument,
  RentAccountTransactionsDocument,
  type RentAccountPageQuery,
  type RentAccountPaymentsQuery,
  type RentAccountStatementQuery,
  type RentAccountTransactionsQuery,
} from '../graphql.generated';

export type Account = NonNullable<RentAccountPageQuery['rentAccount']>;
export type Transaction = NonNullable<RentAccountTransactionsQuery['rentAccount']>['transactions']['edges'][number]['node'];
export type AccountPayment = RentAccountPaymentsQuery['payments']['edges'][number]['node'];
export type Statement = Extract<RentAccountStatementQuery['rentStatement'], { __typename: 'RentStatement' }>;

/** A problem the API answered in words; `field` when it names the input it is about. */
export interface Problem {
  field: string | null;
  message: string;
}

export interface ArrangementInput {
  instalmentPence: number;
  frequency: ArrangementFrequency;
  startsOn: string;
  arrearsPence?: number;
  note?: string;
}

/**
 * One rent account's page: the account with its recovery, arrangements and tasks; its ledger
 * and payments, each paged on the server; a statement; and the arrangement changes.
 */
@Injectable()
export class AccountStore {
  private readonly api = inject(HearthApi);
  private id = '';

  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly account = signal<Account | null>(null);
  readonly notFound = signal(false);

  readonly transactions = new PagedList<Transaction>(25, async (first, after) => {
    const { data } = await this.api.query(RentAccountTransactionsDocument, { id: this.id, first, after });
    if (!data.rentAccount) throw new ApiError('RENT_ACCOUNT_NOT_FOUND', 'The account is no longer visible.');
    return data.rentAccount.transactions;
  });

  readonly payments = new PagedList<AccountPayment>(10, async (first, after) => {
    const { data } = await this.api.query(RentAccountPaymentsDocument, { accountId: this.id, first, after });
    return data.payments;
  });

  readonly statement = signal<Statement | null>(null);
  readonly statementLoading = signal(false);
  readonly statementError = signal<ApiError | null>(null);
  readonly statementProblems = signal<Problem[]>([]);

  /** Opens the account: its page and the first page of each list at once. */
  async open(id: string): Promise<void> {
    this.id = id;
    this.statement.set(null);
    await Promise.all([this.loadAccount(), this.transactions.first(), this.payments.first()]);
  }

  async loadAccount(): Promise<void> {
    this.loading.set(true);
    try {
      const { data } = await this.api.query(RentAccountPageDocument, { id: this.id });
      this.account.set(data.rentAccount);
      this.notFound.set(data.rentAccount === null);
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  async loadStatement(from: string, to: string, language: RentLanguage): Promise<void> {
    this.statementLoading.set(true);
    this.statementProblems.set([]);
    try {
      const { data } = await this.api.query(RentAccountStatementDocument, { accountId: this.id, from, to, language });
      const result = data.rentStatement;
      this.statementError.set(null);
      if (result.__typename === 'RentStatement') {
        this.statement.set(result);
      } else {
        this.statement.set(null);
        this.statementProblems.set(result.__typename === 'StatementInvalid' ? result.problems : [{ field: null, message: result.message }]);
      }
    } catch (error) {
      this.statementError.set(asApiError(error));
    } finally {
      this.statementLoading.set(false);
    }
  }

  /** Makes an arrangement; answers the problems (none when it was made, and the page is reloaded). */
  async makeArrangement(input: ArrangementInput): Promise<Problem[]> {
    const result = (await this.api.mutate(RentAccountMakeArrangementDocument, { input: { accountId: this.id, ...input } })).makePaymentArrangement;
    switch (result.__typename) {
      case 'PaymentArrangement':
        await this.loadAccount();
        return [];
      case 'ArrangementInvalid':
        return result.problems;
      case 'ArrangementAlreadyActive':
      case 'RentAccountNotFound':
        return [{ field: null, message: result.message }];
      default:
        return [{ field: null, message: result.__typename }];
    }
  }

  async cancelArrangement(id: string, reason: string): Promise<Problem[]> {
    const result = (await this.api.mutate(RentAccountCancelArrangementDocument, { id, reason })).cancelPaymentArrangement;
    switch (result.__typename) {
      case 'PaymentArrangement':
        await this.loadAccount();
        return [];
      case 'ArrangementNotActive':
      case 'ArrangementNotFound':
        return [{ field: null, message: result.message }];
      default:
        return [{ field: null, message: result.__typename }];
    }
  }
}

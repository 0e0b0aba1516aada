import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HearthApi, LanguageService } from '@hearth/console-core';
import {
  RentAccountCancelArrangementDocument,
  RentAccountMakeArrangementDocument,
  RentAccountPageDocument,
  RentAccountPaymentsDocument,
  RentAccountStatementDocument,
  RentAccountTransactionsDocument,
  type RentAccountMakeArrangementMutation,
} from '../graphql.generated';
import { ApiStub, connection, settle, signIn, text } from '../shared/testing';
import { AccountComponent } from './account.component';
import type { Account, Statement, Transaction } from './account.store';
import { StatementDownload } from './statement-download';

const ARRANGEMENT = {
  id: 'arr-1', status: 'ACTIVE', frequency: 'WEEKLY', instalmentPence: 1_500, arrearsPence: 55_000, startsOn: '2026-03-02', note: 'Agreed by phone',
  createdAt: '2026-02-23T10:00:00Z', endedAt: null, instalments: [{ dueOn: '2026-03-02', amountPence: 1_500 }, { dueOn: '2026-03-09', amountPence: 1_500 }],
} as const;

function account(extra: Partial<Account> = {}): Account {
  return {
    id: 'acc-1', paymentReference: 'MH-0002', balancePence: 55_000, weeksInArrears: 5, weeklyChargePence: 11_000, frequency: 'WEEKLY', chargeWeeks: 52,
    openedOn: '2025-12-29', closedOn: null, band: { code: 'medium', name: '4 to 8 weeks' },
    tenancy: {
      id: 't-1', startDate: '2016-09-05', endDate: null, tenureLabel: 'Assured',
      dwelling: { id: 'd-1', addressLine1: '2 Orchard Row', addressLine2: null, town: 'Millbrook', postcode: 'MB1 2AA' },
      parties: [
        { role: 'TENANT', person: { id: 'p-1', title: 'Mr', givenName: 'David', familyName: 'Okafor' } },
        { role: 'HOUSEHOLD_MEMBER', person: { id: 'p-2', title: null, givenName: 'Ada', familyName: 'Okafor' } },
      ],
    },
    charges: [{ chargeType: 'RENT', effectiveFrom: '2025-12-29', amountPence: 11_000, description: null }],
    recoveryStage: { id: 'e-2', stage: 'contact', name: 'Officer contact', enteredAt: '2026-02-02T09:00:00Z', balancePence: 44_000 },
    recoveryHistory: [
      { id: 'e-2', stage: 'contact', name: 'Officer contact', enteredAt: '2026-02-02T09:00:00Z', leftAt: null, balancePence: 44_000 },
      { id: 'e-1', stage: 'reminder', name: 'Friendly reminder', enteredAt: '2026-01-12T09:00:00Z', leftAt: '2026-02-02T09:00:00Z', balancePence: 11_000 },
    ],
    paymentArrangements: [],
    incomeTasks: [{ id: 'task-1', description: 'Call or visit to agree a payment arrangement', dueOn: '2026-02-09', kind: 'recovery_stage' }],
    ...extra,
  } as Account;
}

const STATEMENT: Statement = {
  __typename: 'RentStatement', from: '2026-01-01', to: '2026-01-31', openingBalancePence: 0, closingBalancePence: 11_000, chargesPence: 22_000,
  paymentsPence: 11_000, otherPence: 0,
  lines: [
    { transactionId: 'x1', effectiveOn: '2026-01-05', label: 'Rent', description: 'Rent w/c 5 Jan 2026', period: '5–11 Jan 2026', amountPence: 11_000, balancePence: 11_000 },
    { transactionId: 'x2', effectiveOn: '2026-01-06', label: 'Payment', description: 'Universal Credit direct payment', period: null, amountPence: -11_000, balancePence: 0 },
    { transactionId: 'x3', effectiveOn: '2026-01-12', label: 'Rent', description: 'Rent w/c 12 Jan 2026', period: '12–18 Jan 2026', amountPence: 11_000, balancePence: 11_000 },
  ],
};

describe('AccountComponent', () => {
  let api: ApiStub;
  let download: jest.Mock;
  let fixture: ComponentFixture<AccountComponent>;
  let shown: Account;

  beforeEach(() => {
    localStorage.clear();
    shown = account();
    api = new ApiStub()
      .answer(RentAccountPageDocument, () => ({ rentAccount: shown }))
      .answer(RentAccountTransactionsDocument, () => ({
        rentAccount: {
          id: 'acc-1',
          transactions: connection<Transaction>([
            { id: 'tx-2', effectiveOn: '2026-02-23', kind: 'CHARGE', description: 'Rent w/c 23 Feb 2026', amountPence: 11_000, runningBalancePence: 55_000 },
            { id: 'tx-1', effectiveOn: '2026-02-16', kind: 'PAYMENT', description: 'Universal Credit direct payment', amountPence: -11_000, runningBalancePence: 44_000 },
          ], { totalCount: 14 }),
        },
      }))
      .answer(RentAccountPaymentsDocument, () => ({
        payments: connection([{ id: 'pay-1', receivedOn: '2026-02-16', amountPence: 11_000, channel: 'UNIVERSAL_CREDIT', source: 'FILE' }]),
      }));
    download = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: HearthApi, useValue: api }, { provide: StatementDownload, useValue: { download } }],
    });
    signIn();
  });

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(AccountComponent);
    fixture.componentRef.setInput('id', 'acc-1');
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }
  const byTestId = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the account, its tenancy, charges, recovery and tasks', async () => {
    const root = await render();

    expect(text(root.querySelector('h1'))).toBe('Rent account MH-0002');
    expect(text(byTestId(root, 'account-balance'))).toBe('£550.00 in arrears 5 weeks of rent');
    expect(text(byTestId(root, 'tenancy'))).toContain('Tenancy Tenants Mr David Okafor Home 2 Orchard Row, Millbrook, MB1 2AA');
    expect(text(byTestId(root, 'charges'))).toContain('Rent 29 Dec 2025 £110.00 a week');
    expect(text(byTestId(root, 'current-stage'))).toBe('Current stage: Officer contact Since 2 Feb 2026, entered with £440.00 owed');
    expect(text(byTestId(root, 'stage-history'))).toContain('Friendly reminder 12 Jan 2026 2 Feb 2026 £110.00');
    expect(text(byTestId(root, 'stage-history'))).toContain('Officer contact 2 Feb 2026 Current £440.00');
    expect(text(byTestId(root, 'income-tasks'))).toBe('Due 9 Feb 2026 · Recovery stage: Call or visit to agree a payment arrangement');
    expect(text(byTestId(root, 'arrangements'))).toContain('No payment arrangements.');
  });

  it('lists transactions newest first in debit and credit columns, with the running balance in words, paged on the server', async () => {
    const root = await render();
    const rows = byTestId(root, 'transactions')!.querySelectorAll('tbody tr');
    expect(text(rows[0])).toBe('23 Feb 2026 Charge Rent w/c 23 Feb 2026 £110.00 £550.00 in arrears');
    expect(text(rows[1])).toBe('16 Feb 2026 Payment Universal Credit direct payment £110.00 £440.00 in arrears');
    expect(rows[1].querySelectorAll('td')[2].textContent!.trim()).toBe('');
    expect(rows[1].querySelectorAll('td')[3].textContent!.trim()).toBe('£110.00');
    expect(api.calls(RentAccountTransactionsDocument)[0]).toEqual({ id: 'acc-1', first: 25, after: null });
    expect(text(byTestId(root, 'payments'))).toContain('16 Feb 2026 Universal Credit £110.00');
  });

  it('makes an arrangement, showing a problem the API ties to a field beside it', async () => {
    const answers: RentAccountMakeArrangementMutation['makePaymentArrangement'][] = [
      { __typename: 'ArrangementInvalid', message: 'Invalid', problems: [{ field: 'startsOn', message: 'startsOn may not be more than 366 days ahead' }] },
      { __typename: 'PaymentArrangement', ...ARRANGEMENT, instalments: [...ARRANGEMENT.instalments] },
    ];
    api.answer(RentAccountMakeArrangementDocument, () => ({ makePaymentArrangement: answers.shift()! }));
    const root = await render();
    const form = byTestId(root, 'make-arrangement') as HTMLFormElement;

    type(root, 'input[formcontrolname="instalment"]', 'fifteen');
    form.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(text(form)).toContain('Enter an amount in pounds and pence, such as 15.00.');
    expect(api.mutate).not.toHaveBeenCalled();

    type(root, 'input[formcontrolname="instalment"]', '15');
    type(root, 'input[formcontrolname="startsOn"]', '2030-01-01');
    form.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(api.calls(RentAccountMakeArrangementDocument)[0]).toEqual({
      input: { accountId: 'acc-1', instalmentPence: 1500, frequency: 'WEEKLY', startsOn: '2030-01-01', arrearsPence: undefined, note: undefined },
    });
    expect(text(form)).toContain('startsOn may not be more than 366 days ahead');

    shown = account({ paymentArrangements: [{ ...ARRANGEMENT, instalments: [...ARRANGEMENT.instalments] }] });
    form.dispatchEvent(new Event('submit'));
    await settle(fixture);
    const arrangements = byTestId(root, 'arrangements');
    expect(text(arrangements)).toContain('Arrangement made.');
    expect(text(arrangements)).toContain('£15.00 weekly, to clear £550.00 Active');
    expect(text(arrangements)).toContain('Instalments (2)');
    expect(byTestId(root, 'make-arrangement')).toBeNull();
  });

  it('cancels an active arrangement with a reason', async () => {
    shown = account({ paymentArrangements: [{ ...ARRANGEMENT, instalments: [...ARRANGEMENT.instalments] }] });
    api.answer(RentAccountCancelArrangementDocument, () => {
      shown = account({ paymentArrangements: [{ ...ARRANGEMENT, status: 'CANCELLED', instalments: [] }] });
      return { cancelPaymentArrangement: { __typename: 'PaymentArrangement' as const, ...ARRANGEMENT, status: 'CANCELLED' as const, instalments: [] } };
    });
    const root = await render();
    const arrangements = byTestId(root, 'arrangements') as HTMLElement;
    const cancel = [...arrangements.querySelectorAll('button')].find((button) => text(button) === 'Cancel arrangement')!;
    cancel.click();
    await settle(fixture);
    type(root, 'input[formcontrolname="reason"]', 'Moved to Universal Credit managed payments');
    arrangements.querySelector('form.cancel')!.dispatchEvent(new Event('submit'));
    await settle(fixture);

    expect(api.calls(RentAccountCancelArrangementDocument)[0]).toEqual({ id: 'arr-1', reason: 'Moved to Universal Credit managed payments' });
    expect(text(arrangements)).toContain('Arrangement cancelled.');
    expect(text(arrangements)).toContain('Cancelled');
  });

  it('offers no changes to staff who may only read', async () => {
    signIn({ manage: false });
    shown = account({ paymentArrangements: [{ ...ARRANGEMENT, instalments: [] }] });
    const root = await render();
    expect(byTestId(root, 'make-arrangement')).toBeNull();
    expect(text(byTestId(root, 'arrangements'))).not.toContain('Cancel arrangement');
  });

  it('shows a statement on the page and downloads it as a PDF in the chosen language', async () => {
    api.answer(RentAccountStatementDocument, () => ({ rentStatement: STATEMENT }));
    const root = await render();
    const statement = byTestId(root, 'statement') as HTMLElement;
    type(root, 'input[name="from"]', '2026-01-01');
    type(root, 'input[name="to"]', '2026-01-31');
    statement.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle(fixture);

    expect(api.calls(RentAccountStatementDocument)[0]).toEqual({ accountId: 'acc-1', from: '2026-01-01', to: '2026-01-31', language: 'EN' });
    expect(text(byTestId(root, 'statement-totals'))).toBe(
      'Opening balance Clear (nothing owed) Total charged £220.00 Total paid £110.00 Closing balance £110.00 in arrears',
    );
    expect(text(byTestId(root, 'statement-lines')!.querySelector('caption'))).toBe('Statement from 1 Jan 2026 to 31 Jan 2026');
    expect(text(byTestId(root, 'statement-lines')!.querySelectorAll('tbody tr')[1])).toBe('6 Jan 2026 Payment £110.00 Clear (nothing owed)');

    (byTestId(root, 'download-statement') as HTMLButtonElement).click();
    await settle(fixture);
    expect(download).toHaveBeenCalledWith('acc-1', '2026-01-01', '2026-01-31', 'en', 'rent-statement-MH-0002-2026-01-01-2026-01-31.pdf');
  });

  it('shows the statement’s problems in words', async () => {
    api.answer(RentAccountStatementDocument, () => ({
      rentStatement: { __typename: 'StatementInvalid' as const, message: 'Invalid', problems: [{ field: 'to', message: 'to must not be before from' }] },
    }));
    const root = await render();
    byTestId(root, 'statement')!.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(text(byTestId(root, 'statement')!.querySelector('[role="alert"]'))).toBe('to must not be before from');
  });

  it('speaks Welsh, with contract-holders for a member in Wales, and a Welsh statement by default', async () => {
    TestBed.inject(LanguageService).use('cy');
    signIn({ country: 'WALES' });
    api.answer(RentAccountStatementDocument, () => ({ rentStatement: STATEMENT }));
    const root = await render();

    expect(text(root.querySelector('h1'))).toBe('Cyfrif rhent MH-0002');
    expect(text(byTestId(root, 'account-balance'))).toBe('£550.00 mewn ôl-ddyledion 5 wythnos o rent');
    expect(text(byTestId(root, 'tenancy'))).toContain('Contract meddiannaeth Deiliaid contract Mr David Okafor');
    expect(text(byTestId(root, 'current-stage'))).toContain('Cam presennol:');
    byTestId(root, 'statement')!.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(api.calls(RentAccountStatementDocument)[0]).toMatchObject({ language: 'CY' });
  });

  it('says when the account is not there', async () => {
    shown = null as unknown as Account;
    const root = await render();
    expect(text(byTestId(root, 'not-found'))).toBe('There is no rent account with that id for your organisation.');
  });
});

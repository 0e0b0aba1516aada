import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { HearthApi, LanguageService } from '@hearth/console-core';
import { RentSuspenseAllocateDocument, RentSuspenseFindAccountDocument, RentSuspensePaymentsDocument } from '../graphql.generated';
import { ApiStub, connection, settle, signIn, text } from '../shared/testing';
import { SuspenseComponent } from './suspense.component';
import type { FoundAccount, SuspensePayment } from './suspense.store';

const TYPO: SuspensePayment = {
  id: 'pay-1', receivedOn: '2026-02-21', amountPence: 11_000, channel: 'BANK', paymentReference: 'MH-OOO2', note: 'Payer: MR D OKAFOR', source: 'FILE',
};
const BLANK: SuspensePayment = { ...TYPO, id: 'pay-2', amountPence: 4_500, paymentReference: null, note: 'Payer: A N OTHER' };
const FOUND: FoundAccount = {
  id: 'acc-2', paymentReference: 'MH-0002', balancePence: 55_000,
  tenancy: { id: 't', parties: [{ role: 'TENANT', person: { id: 'p', title: 'Mr', givenName: 'David', familyName: 'Okafor' } }] },
};

describe('SuspenseComponent', () => {
  let api: ApiStub;
  let fixture: ComponentFixture<SuspenseComponent>;
  let waiting: SuspensePayment[];

  beforeEach(() => {
    localStorage.clear();
    waiting = [TYPO, BLANK];
    api = new ApiStub().answer(RentSuspensePaymentsDocument, () => ({ suspensePayments: connection(waiting) }));
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: HearthApi, useValue: api }] });
    signIn();
  });

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(SuspenseComponent);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }
  const byTestId = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);

  async function findAccount(root: HTMLElement, reference: string): Promise<void> {
    (root.querySelector('tbody tr button') as HTMLButtonElement).click();
    await settle(fixture);
    const input = root.querySelector('input[name="reference"]') as HTMLInputElement;
    input.value = reference;
    input.dispatchEvent(new Event('input'));
    byTestId(root, 'allocate-panel')!.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle(fixture);
  }

  it('lists what waits in suspense, oldest first, each with a button naming the payment', async () => {
    const root = await render();
    const rows = root.querySelectorAll('tbody tr');
    expect(text(rows[0])).toBe('21 Feb 2026 £110.00 Bank transfer MH-OOO2 Payer: MR D OKAFOR Allocate');
    expect(text(rows[1])).toContain('(none)');
    expect(rows[0].querySelector('button')!.getAttribute('aria-label')).toBe('Allocate £110.00 received 21 Feb 2026');
    expect(api.calls(RentSuspensePaymentsDocument)[0]).toEqual({ first: 25, after: null });
  });

  it('finds the account by payment reference and allocates the payment to it', async () => {
    api.answer(RentSuspenseFindAccountDocument, () => ({ rentAccounts: { edges: [{ node: FOUND }] } }));
    api.answer(RentSuspenseAllocateDocument, () => {
      waiting = [BLANK];
      return { allocatePayment: { __typename: 'Payment' as const, id: 'pay-1', accountId: 'acc-2' } };
    });
    const root = await render();
    await findAccount(root, ' mh-0002 ');

    expect(api.calls(RentSuspenseFindAccountDocument)[0]).toEqual({ reference: 'mh-0002' });
    expect(text(byTestId(root, 'found-account'))).toBe('MH-0002 · Mr David Okafor · £550.00 in arrears Allocate to MH-0002');
    (byTestId(root, 'found-account')!.querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);

    expect(api.calls(RentSuspenseAllocateDocument)[0]).toEqual({ input: { paymentId: 'pay-1', accountId: 'acc-2' } });
    expect(text(byTestId(root, 'allocated'))).toBe('Allocated £110.00 to MH-0002.');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(byTestId(root, 'allocate-panel')).toBeNull();
  });

  it('says when no open account has the reference', async () => {
    api.answer(RentSuspenseFindAccountDocument, () => ({ rentAccounts: { edges: [] } }));
    const root = await render();
    await findAccount(root, 'MH-9999');
    expect(text(byTestId(root, 'not-found'))).toBe('No open account has that payment reference.');
  });

  it('explains a refused allocation in words', async () => {
    api.answer(RentSuspenseFindAccountDocument, () => ({ rentAccounts: { edges: [{ node: FOUND }] } }));
    api.answer(RentSuspenseAllocateDocument, () => ({
      allocatePayment: { __typename: 'PaymentAlreadyAllocated' as const, message: 'Payment pay-1 is allocated already' },
    }));
    const root = await render();
    await findAccount(root, 'MH-0002');
    (byTestId(root, 'found-account')!.querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(byTestId(root, 'allocation-problem'))).toBe('Someone has allocated this payment already.');
  });

  it('says so when nothing waits, in Welsh too', async () => {
    waiting = [];
    TestBed.inject(LanguageService).use('cy');
    const root = await render();
    expect(text(root.querySelector('h1'))).toBe('Taliadau heb eu dyrannu');
    expect(text(byTestId(root, 'empty'))).toBe('Does dim yn aros heb ei ddyrannu.');
  });
});

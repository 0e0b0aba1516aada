import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiError, HearthApi, LanguageService } from '@hearth/console-core';
import { RentAccountsListDocument } from '../graphql.generated';
import { ApiStub, connection, settle, signIn, text } from '../shared/testing';
import { AccountsComponent } from './accounts.component';
import type { AccountRow } from './accounts.store';

function account(reference: string, balancePence: number, extra: Partial<AccountRow> = {}): AccountRow {
  return {
    id: `id-${reference}`, paymentReference: reference, balancePence, weeksInArrears: balancePence > 0 ? balancePence / 11_000 : 0,
    band: balancePence > 0 ? { code: 'medium', name: '4 to 8 weeks' } : { code: 'clear', name: 'Up to date' }, recoveryStage: null,
    tenancy: {
      id: 't', dwelling: { id: 'd', addressLine1: '2 Orchard Row', postcode: 'MB1 2AA' },
      parties: [{ role: 'TENANT', person: { id: 'p', title: 'Mrs', givenName: 'Sian', familyName: 'Jones' } }],
    },
    ...extra,
  };
}

describe('AccountsComponent', () => {
  let api: ApiStub;
  let fixture: ComponentFixture<AccountsComponent>;

  beforeEach(() => {
    localStorage.clear();
    api = new ApiStub();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: HearthApi, useValue: api }] });
    signIn();
  });

  async function render(inArrears?: string): Promise<HTMLElement> {
    fixture = TestBed.createComponent(AccountsComponent);
    if (inArrears) fixture.componentRef.setInput('inArrears', inArrears);
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  it('lists accounts with their balance in words, band and stage, linking to each', async () => {
    api.answer(RentAccountsListDocument, () => ({
      rentAccounts: connection([
        account('MH-0002', 55_000, { recoveryStage: { id: 'e', stage: 'contact', name: 'Officer contact' } }),
        account('MH-0001', -2_000),
      ], { totalCount: 2 }),
    }));
    const root = await render();

    expect(api.calls(RentAccountsListDocument)[0]).toEqual({ first: 25, after: null, filter: {} });
    const rows = root.querySelectorAll('tbody tr');
    expect(text(rows[0])).toBe('MH-0002 Mrs Sian Jones 2 Orchard Row, MB1 2AA £550.00 in arrears 5 weeks of rent 4 to 8 weeks Officer contact');
    expect(text(rows[1])).toContain('£20.00 in credit');
    expect(text(rows[1])).toContain('Not in recovery');
    expect(rows[0].querySelector('a')!.getAttribute('href')).toBe('/accounts/id-MH-0002');
    expect(text(root.querySelector('thead'))).toContain('Tenants');
    expect(text(root.querySelector('nav'))).toContain('1–2 of 2');
  });

  it('asks for arrears only, largest first, when the address says ?inArrears=true, and says when none are', async () => {
    api.answer(RentAccountsListDocument, () => ({ rentAccounts: connection([]) }));
    const root = await render('true');

    expect(api.calls(RentAccountsListDocument)[0]).toEqual({ first: 25, after: null, filter: { inArrears: true } });
    expect(text(root.querySelector('[data-testid="empty"]'))).toBe('No accounts are in arrears.');
    expect((root.querySelector('[data-testid="in-arrears"] input') as HTMLInputElement).checked).toBe(true);
  });

  it('searches by reference or family name from the first page', async () => {
    api.answer(RentAccountsListDocument, () => ({ rentAccounts: connection([account('MH-0001', 0)]) }));
    const root = await render();
    const input = root.querySelector('input[name="search"]') as HTMLInputElement;
    input.value = ' jones ';
    input.dispatchEvent(new Event('input'));
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle(fixture);

    expect(api.calls(RentAccountsListDocument).at(-1)).toEqual({ first: 25, after: null, filter: { search: 'jones' } });
    expect(text(root.querySelector('tbody'))).toContain('Clear (nothing owed)');
  });

  it('pages on the server with the last cursor', async () => {
    api.answer(RentAccountsListDocument, ({ after }) => ({
      rentAccounts: connection([account(after ? 'MH-0026' : 'MH-0001', 100)], { totalCount: 26, hasNextPage: !after, endCursor: 'c25' }),
    }));
    const root = await render();
    (root.querySelectorAll('nav button')[1] as HTMLButtonElement).click();
    await settle(fixture);

    expect(api.calls(RentAccountsListDocument).at(-1)).toEqual({ first: 25, after: 'c25', filter: {} });
    expect(text(root.querySelector('tbody'))).toContain('MH-0026');
  });

  it('shows the API’s failure', async () => {
    api.answer(RentAccountsListDocument, () => {
      throw new ApiError('FORBIDDEN', 'no');
    });
    const root = await render();
    expect(text(root.querySelector('hearth-api-error'))).toBe('You do not have permission to see this.');
  });

  it('speaks Welsh, with contract-holders for a member in Wales', async () => {
    TestBed.inject(LanguageService).use('cy');
    signIn({ country: 'WALES' });
    api.answer(RentAccountsListDocument, () => ({ rentAccounts: connection([account('TG-0042', 55_000)]) }));
    const root = await render();

    expect(text(root.querySelector('h1'))).toBe('Cyfrifon rhent');
    expect(text(root.querySelector('thead'))).toContain('Deiliaid contract');
    expect(text(root.querySelector('tbody'))).toContain('£550.00 mewn ôl-ddyledion');
    expect(text(root.querySelector('tbody'))).toContain('5 wythnos o rent');
  });

  it('offers suspense only to those who may allocate payments', async () => {
    api.answer(RentAccountsListDocument, () => ({ rentAccounts: connection([]) }));
    expect(text(await render())).toContain('Payments in suspense');
    fixture.destroy();
    signIn({ manage: false });
    expect(text(await render())).not.toContain('Payments in suspense');
  });
});

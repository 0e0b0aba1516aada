import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(120_000);

/**
 * Rent accounts as Millbrook's admin meets them on the demo data (apps/cli/src/demo/steps/rent.demo.ts):
 * three accounts, two in arrears (MH-0002 with an arrangement, MH-0004 furthest behind), and two
 * payments in suspense.
 */
describe('rent accounts', () => {
  let system: ConsoleHarness;
  let page: Page;

  beforeAll(async () => {
    system = await startConsoleHarness();
    page = await system.signIn(DEMO_USERS.millbrookAdmin);
  });

  afterAll(async () => {
    await page?.context().close();
    await system?.close();
  });

  const rows = (testId: string) => page.getByTestId(testId).locator('tbody tr');

  it('lists the accounts, and those in arrears largest first', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Rent accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rent accounts' }).waitFor();
    await rows('accounts').first().waitFor();
    expect(await rows('accounts').count()).toBe(3);
    expect(await page.locator('tr[data-reference="MH-0001"]').textContent()).toContain('in credit');
    await expectAccessible(page);
    await screenshot(page, 'rent-accounts');

    await page.getByRole('checkbox', { name: 'In arrears only, largest first' }).check();
    await page.waitForURL(/\?inArrears=true$/);
    await page.locator('tr[data-reference="MH-0001"]').waitFor({ state: 'detached' });
    expect(await rows('accounts').locator('th').allTextContents()).toEqual(['MH-0004', 'MH-0002']);
    expect(await rows('accounts').first().textContent()).toContain('in arrears');
    await expectAccessible(page);

    // The dashboard's link lands on the same filtered list.
    await page.goto(`${system.url}/rent?inArrears=true`);
    await page.getByRole('table', { name: 'Rent accounts in arrears, largest first' }).waitFor();
  });

  it('opens an account: transactions, arrears stage, arrangement, and the statement as a PDF', async () => {
    await page.getByRole('link', { name: 'MH-0002' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rent account MH-0002' }).waitFor();
    await rows('transactions').first().waitFor();
    expect(await rows('transactions').count()).toBe(13); // 9 weekly charges and 4 payments
    expect(await page.getByTestId('account-balance').textContent()).toContain('£550.00 in arrears');
    expect(await page.getByTestId('current-stage').textContent()).toContain('Officer contact');
    expect(await page.getByTestId('income-tasks').textContent()).toContain('Call or visit');
    const arrangement = page.locator('article[data-status="ACTIVE"]');
    expect(await arrangement.getByRole('heading').textContent()).toContain('£15.00 weekly, to clear £550.00');

    await page.getByRole('button', { name: 'Show statement' }).click();
    await page.getByTestId('statement-lines').waitFor();
    expect(await page.getByTestId('closing-balance').textContent()).toContain('£550.00 in arrears');
    await expectAccessible(page);
    await screenshot(page, 'rent-account');
    await arrangement.getByText(/Instalments/).click();
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-statement').click()]);
    expect(download.suggestedFilename()).toMatch(/^rent-statement-MH-0002-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('shows the account page in Welsh', async () => {
    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cyfrif rhent MH-0002' }).waitFor();
    expect(await page.getByTestId('account-balance').textContent()).toContain('mewn ôl-ddyledion');
    expect(await page.getByRole('heading', { name: 'Trefniadau talu' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rent account MH-0002' }).waitFor();
  });

  it('allocates a payment from suspense to the account its payer meant', async () => {
    await page.goto(`${system.url}/rent`);
    await page.getByRole('link', { name: 'Payments in suspense' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Payments in suspense' }).waitFor();
    await rows('suspense').first().waitFor();
    expect(await rows('suspense').count()).toBe(2);
    await expectAccessible(page);
    await screenshot(page, 'rent-suspense');

    await page.getByRole('row', { name: /MH-OOO2/ }).getByRole('button', { name: /^Allocate £110\.00 received/ }).click();
    await page.getByLabel('Payment reference of the account').fill('MH-9999');
    await page.getByRole('button', { name: 'Find account' }).click();
    await page.getByTestId('not-found').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Payment reference of the account').fill('mh-0002');
    await page.getByRole('button', { name: 'Find account' }).click();
    await page.getByRole('button', { name: 'Allocate to MH-0002' }).click();
    await page.getByTestId('allocated').filter({ hasText: 'Allocated £110.00 to MH-0002.' }).waitFor();
    await rows('suspense').filter({ hasText: 'MH-OOO2' }).waitFor({ state: 'detached' });
    expect(await rows('suspense').count()).toBe(1);
    await expectAccessible(page);

    // The account shows the money at once.
    await page.goto(`${system.url}/rent?inArrears=true`);
    await page.getByRole('link', { name: 'MH-0002' }).click();
    await page.getByTestId('account-balance').filter({ hasText: '£440.00 in arrears' }).waitFor();
  });
});

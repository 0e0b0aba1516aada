import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

// A real browser, API, database and issuer are far slower than a unit test.
jest.setTimeout(120_000);

/**
 * The dashboard as staff meet it after signing in: headline figures that open the lists behind
 * them, charts with their numbers in tables, in English and Welsh. The demo's figures change as
 * its steps grow, so these tests check that figures and charts are there, not what they add up to.
 */
describe('dashboard', () => {
  let system: ConsoleHarness;

  beforeAll(async () => {
    system = await startConsoleHarness();
  });

  afterAll(async () => {
    await system?.close();
  });

  const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] a`);

  async function dashboardLoaded(page: Page): Promise<void> {
    await figure(page, 'open-repairs').waitFor();
    await figure(page, 'arrears-total').waitFor();
    await page.getByTestId('line-chart').waitFor();
  }

  it("shows Millbrook's repairs, hazards and arrears as figures and charts, accessibly", async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await dashboardLoaded(page);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    const values = await page.getByTestId('figure-value').allTextContents();
    expect(values).toHaveLength(8);
    for (const value of values) expect(value.trim()).toMatch(/^(£|-£)?[\d,]+(\.\d\d)?$/);
    expect(await figure(page, 'arrears-total').getByTestId('figure-value').textContent()).toMatch(/^£[\d,]+\.\d\d$/);

    // The status chart draws a bar for each status with work (or says there is none); arrears draw a line of 12 weeks.
    const byStatus = page.getByTestId('chart-by-status');
    if (await byStatus.getByTestId('bar-chart').count()) {
      expect(await byStatus.getByRole('img').getAttribute('aria-label')).toMatch(/^Open work orders by status: Raised \d+; Assigned \d+;/);
      expect(await byStatus.locator('tbody tr').count()).toBe(5);
    }
    const arrears = page.getByTestId('chart-arrears');
    expect(await arrears.getByRole('img').getAttribute('aria-label')).toMatch(/^Arrears were £[\d,.]+ on \d+ \w+ \d{4} and £[\d,.]+ on/);
    expect(await arrears.locator('circle.point').count()).toBe(12);
    expect(await arrears.locator('tbody tr').count()).toBe(12);

    await expectAccessible(page);
    await screenshot(page, 'dashboard');

    // The numbers behind a chart, shown as a table on request.
    await arrears.getByRole('button', { name: 'Show the figures as a table' }).click();
    await arrears.getByRole('table', { name: 'Arrears over the last 12 weeks' }).waitFor({ state: 'visible' });
    await expectAccessible(page);
    await page.context().close();
  });

  it('links each figure to the list behind it', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await dashboardLoaded(page);

    const links = Object.fromEntries(
      await Promise.all(
        ['open-repairs', 'breached', 'near-breach', 'clocks-running', 'clocks-due-soon', 'clocks-missed', 'arrears-total', 'accounts-in-arrears'].map(
          async (key) => [key, await figure(page, key).getAttribute('href')] as const,
        ),
      ),
    );
    expect(links).toEqual({
      'open-repairs': '/repairs',
      breached: '/repairs/board?breached=true',
      'near-breach': '/repairs/board',
      'clocks-running': '/repairs/hazards',
      'clocks-due-soon': '/repairs/hazards',
      'clocks-missed': '/repairs/hazards?overdue=true',
      'arrears-total': '/rent?inArrears=true',
      'accounts-in-arrears': '/rent?inArrears=true',
    });

    await figure(page, 'arrears-total').click();
    await page.waitForURL(`${system.url}/rent?inArrears=true`);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Dashboard' }).click();
    await dashboardLoaded(page);
    await page.context().close();
  });

  it('reads in Welsh', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await dashboardLoaded(page);

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dangosfwrdd' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Atgyweiriadau', 'Lleithder, llwydni a pheryglon eraill', 'Ôl-ddyledion rhent',
    ]);
    expect(await figure(page, 'accounts-in-arrears').textContent()).toContain('Cyfrifon ar agor:');
    expect(await page.getByTestId('chart-arrears').getByRole('img').getAttribute('aria-label')).toMatch(/^Roedd yr ôl-ddyledion yn £/);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-cy');

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.context().close();
  });

  it('asks the consortium admin to choose a member, then shows that member’s figures', async () => {
    const page = await system.signIn(DEMO_USERS.consortiumAdmin);
    const notice = page.getByTestId('choose-member');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Choose a member under “Acting for member” in the menu');
    expect(await page.getByTestId('member-count').textContent()).toMatch(/^Members of the consortium: \d+$/);
    await expectAccessible(page);

    await page.getByLabel('Acting for member').click();
    await page.getByRole('option', { name: 'Millbrook Homes' }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await dashboardLoaded(page);
    expect(await notice.count()).toBe(0);
    await page.context().close();
  });

  it('shows a member with neither repairs nor rent that there is nothing to show', async () => {
    const page = await system.signIn(DEMO_USERS.aberAdmin);
    await page.getByTestId('nothing-to-show').waitFor();
    expect(await page.getByTestId('repairs-panel').count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});

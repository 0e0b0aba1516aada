import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

// A real browser, API, database and issuer are far slower than a unit test. Set here rather than in jest.config.ts,
// whose testTimeout the workspace-wide run (one jest over every project) does not apply.
jest.setTimeout(120_000);

/**
 * The frame every screen lives in, as a person meets it: sign-in through the demo issuer, the
 * navigation the user's roles and member's modules allow, the language switch, and the
 * consortium admin's switch of member.
 */
describe('console shell', () => {
  let system: ConsoleHarness;

  beforeAll(async () => {
    system = await startConsoleHarness();
  });

  afterAll(async () => {
    await system?.close();
  });

  function navigation(page: Page) {
    return page.getByRole('navigation', { name: /Main menu|Prif ddewislen/ });
  }

  /** The module pages in the menu, once the session has loaded them (every user here has at least one). */
  async function pagesInNavigation(page: Page): Promise<string[]> {
    await navigation(page).locator('a[data-page]').first().waitFor();
    return navigation(page).locator('a[data-page]').evaluateAll((links) => links.map((link) => link.getAttribute('data-page') ?? ''));
  }

  it('signs in accessibly, and signs out', async () => {
    const context = await (await system.signIn(DEMO_USERS.aberAdmin)).context();
    const page = context.pages()[0];
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click(); // the issuer's confirmation
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page);
    await context.close();
  });

  it('shows a Welsh member’s admin their organisation in English and Cymraeg, and remembers the choice', async () => {
    const page = await system.signIn(DEMO_USERS.aberAdmin);
    await navigation(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('user-name').waitFor();

    expect(await page.getByTestId('user-name').textContent()).toBe('Ffion Evans');
    expect(await page.getByTestId('member-country').textContent()).toBe('Wales');
    expect(await page.getByTestId('roles').textContent()).toContain('tenant-admin');
    expect(await page.locator('tr[data-module="noticeboard"]').getByTestId('module-state').textContent()).toContain('On');
    await expectAccessible(page);

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.locator('html[lang="cy"]').waitFor();
    expect(await page.getByTestId('member-country').textContent()).toBe('Cymru');
    expect(await page.getByTestId('nav-member').textContent()).toBe('Cymdeithas Tai Aber');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gosodiadau');
    expect(await page.getByRole('button', { name: 'Allgofnodi' }).isVisible()).toBe(true);
    await expectAccessible(page);

    // The choice outlives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Gosodiadau' }).waitFor();

    await page.getByRole('radio', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.getByTestId('member-country').textContent()).toBe('Wales');
    await page.context().close();
  });

  it('shows in the navigation only the pages of modules the member has on', async () => {
    const millbrook = await system.signIn(DEMO_USERS.millbrookAdmin);
    expect(await pagesInNavigation(millbrook)).toEqual(
      expect.arrayContaining(['assets', 'register/dwellings', 'register/people', 'repairs', 'repairs/hazards', 'rent', 'imports']),
    );
    expect(await pagesInNavigation(millbrook)).not.toContain('consortium');
    await millbrook.context().close();

    // Aber has only the noticeboard on: no register, repairs or rent.
    const aber = await system.signIn(DEMO_USERS.aberAdmin);
    const pages = await pagesInNavigation(aber);
    expect(pages).not.toContain('repairs');
    expect(pages).not.toContain('rent');
    // A page of a module that is off is refused even by its address.
    await aber.goto(`${system.url}/repairs`);
    await aber.getByRole('heading', { name: 'This page is not available' }).waitFor();
    await expectAccessible(aber);
    await aber.context().close();
  });

  it('lets the consortium admin act for Millbrook Homes, and keeps the choice for the tab', async () => {
    const page = await system.signIn(DEMO_USERS.consortiumAdmin);
    expect(await pagesInNavigation(page)).toContain('consortium');
    expect(await pagesInNavigation(page)).not.toContain('repairs');

    await page.getByLabel('Acting for member').click();
    await page.getByRole('option', { name: 'Millbrook Homes' }).click();
    await page.getByTestId('nav-member').filter({ hasText: 'Millbrook Homes' }).waitFor();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await navigation(page).getByRole('link', { name: 'Repairs', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-acting-for');

    await page.reload();
    await page.getByTestId('nav-member').filter({ hasText: 'Millbrook Homes' }).waitFor();
    await page.context().close();
  });
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OnboardingService } from '@hearth/consortium-members';
import { createTestDatabase, type TestApi, type TestDatabase } from '@hearth/platform-testing';
// The one test that boots the whole system starts the real API the way the API's own tests do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi } from '../../api/src/testing';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { startDemoIssuerProcess, type DemoIssuerProcess } from './support/demo-issuer-process';
import { serveConsole, type ServedConsole } from './support/static-server';
import { CONSOLE_DIST, WORKSPACE } from './support/workspace';

const SCREENSHOTS = join(WORKSPACE, 'docs/screenshots');

/**
 * The README's screenshots are taken by this test, but only when asked (`npm run screenshots`):
 * a test run must not leave tracked files changed.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

// A real browser, API, database and issuer are far slower than a unit test. Set here rather than in jest.config.ts,
// whose testTimeout the workspace-wide run (one jest over every project) does not apply.
jest.setTimeout(120_000);

/**
 * The whole sign-in path as a person meets it: the built console, the demo issuer's login page, and the real API
 * on a fresh database holding the members of tenants/.
 */
describe('console shell', () => {
  let site: ServedConsole;
  let issuer: DemoIssuerProcess;
  let database: TestDatabase;
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    site = await serveConsole(CONSOLE_DIST, () => ({
      apiUrl: `${api.url}/graphql`,
      issuerUrl: issuer.issuerUrl,
      clientId: 'hearth-console',
    }));
    issuer = await startDemoIssuerProcess(site.url);
    database = await createTestDatabase({ KEYCLOAK_URL: new URL(issuer.issuerUrl).origin, CONSOLE_URL: site.url });
    api = await startTestApi(database.config);
    // The same onboarding as `hearth tenants:apply`, so the browser meets the members the demo issuer read.
    const onboarding = await api.app.get(OnboardingService).applyDirectory(join(WORKSPACE, 'tenants'));
    expect(onboarding.status).toBe('applied');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.drop();
    await issuer?.close();
    await site?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByLabel('Username or email').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Username or email').fill(username);
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(`${site.url}/`);
    await page.getByTestId('user-name').waitFor();
    return page;
  }

  async function moduleState(page: Page, key: string): Promise<string | null> {
    return page.locator(`tr[data-module="${key}"]`).getByTestId('module-state').textContent().then((text) => text?.trim() ?? null);
  }

  it('signs a Welsh member’s admin in to their organisation and modules, in English and Cymraeg', async () => {
    const page = await signIn('ffion.evans@aber-housing.example');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Aber Housing Association');
    expect(await page.getByTestId('user-name').textContent()).toBe('Ffion Evans');
    expect(await page.getByTestId('member-country').textContent()).toBe('Wales');
    expect(await page.getByTestId('roles').textContent()).toContain('tenant-admin');
    expect(await moduleState(page, 'noticeboard')).toBe('On');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'console-shell');

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.locator('html[lang="cy"]').waitFor();
    expect(await page.getByTestId('member-country').textContent()).toBe('Cymru');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cymdeithas Tai Aber');
    expect(await moduleState(page, 'noticeboard')).toBe('Ymlaen');
    expect(await page.getByRole('button', { name: 'Allgofnodi' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.getByTestId('member-country').textContent()).toBe('Wales');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click(); // the issuer's confirmation
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.context().close();
  });

  it('lets the consortium admin act for Millbrook Homes and see its modules', async () => {
    const page = await signIn('alex.morgan@hearth.example');

    expect(await page.getByTestId('no-member').isVisible()).toBe(true);
    await page.getByLabel('Acting for member').click();
    await page.getByRole('option', { name: 'Millbrook Homes' }).click();

    await page.getByTestId('member-name').filter({ hasText: 'Millbrook Homes' }).waitFor();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('member-country').textContent()).toBe('England');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await moduleState(page, 'noticeboard')).toBe('On');
    await screenshot(page, 'console-shell-acting-for');

    // The choice lasts for the tab: a reload still acts for Millbrook.
    await page.reload();
    await page.getByTestId('member-name').filter({ hasText: 'Millbrook Homes' }).waitFor();
    await page.context().close();
  });
});

import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Locator, Page } from 'playwright-core';
import { OnboardingService } from '@hearth/consortium-members';
import { createTestDatabase, type TestApi, type TestDatabase } from '@hearth/platform-testing';
// The browser tests boot the whole system the way the API's and worker's own tests do, and seed
// it with the demo's data.
/* eslint-disable @nx/enforce-module-boundaries */
import { startTestApi } from '../../../api/src/testing';
import { startWorker } from '../../../worker/src/bootstrap';
import { seedDemoData } from '../../../cli/src/demo/demo-data';
/* eslint-enable @nx/enforce-module-boundaries */
import { accessibilityViolations } from './axe';
import { launchChromium } from './chromium';
import { startDemoIssuerProcess, type DemoIssuerProcess } from './demo-issuer-process';
import { serveConsole, type ServedConsole } from './static-server';
import { CONSOLE_DIST, WORKSPACE } from './workspace';

const SCREENSHOTS = join(WORKSPACE, 'docs/screenshots');

/** The demo users of tenants/ (password "demo"). */
export const DEMO_USERS = {
  /** Tenant admin of Millbrook Homes (England: assets, tenancies, repairs, rent). */
  millbrookAdmin: 'sam.patel@millbrook-homes.example',
  /** Tenant admin of Aber Housing (Wales, bilingual). */
  aberAdmin: 'ffion.evans@aber-housing.example',
  /** The consortium admin, who belongs to no member and acts for one at a time. */
  consortiumAdmin: 'alex.morgan@hearth.example',
  /** A housing options officer of Cardiff Council, a guest organisation: shared spaces and events only. */
  cardiffGuest: 'rhian.lloyd@cardiff-council.example',
} as const;

export interface ConsoleHarness {
  /** The console's origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  api: TestApi;
  database: TestDatabase;
  /** Signs a demo user in through the demo issuer's login page; the page ends on the dashboard (a guest's on the shared spaces). */
  signIn(username: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The whole system for a browser test file: the built console, the demo issuer, the real API
 * on a fresh database holding the members of tenants/ with the demo's data, the worker (for
 * imports and other queued work, when asked for), and Chromium. One per test file, in beforeAll.
 */
export async function startConsoleHarness(
  options: {
    worker?: boolean;
    demoData?: boolean;
    /** More settings for the API and worker, e.g. `WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true'` for a receiver on loopback. */
    env?: Record<string, string>;
  } = {},
): Promise<ConsoleHarness> {
  let api: TestApi | undefined;
  let issuer: DemoIssuerProcess | undefined;
  let database: TestDatabase | undefined;
  let worker: INestApplicationContext | undefined;
  let browser: Browser | undefined;
  const site: ServedConsole = await serveConsole(CONSOLE_DIST, () => ({
    apiUrl: `${api?.url}/graphql`,
    issuerUrl: issuer?.issuerUrl ?? '',
    clientId: 'hearth-console',
  }));
  const close = async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await database?.drop();
    await issuer?.close();
    await site.close();
  };
  try {
    issuer = await startDemoIssuerProcess(site.url);
    database = await createTestDatabase({
      KEYCLOAK_URL: new URL(issuer.issuerUrl).origin,
      CONSOLE_URL: site.url,
      // Queues of their own, so test files running at once never take each other's jobs.
      REDIS_PREFIX: `hearth-e2e-${randomBytes(4).toString('hex')}`,
      // A test clicks far faster than a person, as the same demo user all through a file.
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      ...options.env,
    });
    api = await startTestApi(database.config);
    // The same onboarding as `hearth tenants:apply`, so the browser meets the members the demo issuer read.
    const onboarding = await api.app.get(OnboardingService).applyDirectory(join(WORKSPACE, 'tenants'));
    if (onboarding.status !== 'applied') throw new Error(`tenants/ did not apply: ${JSON.stringify(onboarding)}`);
    if (options.demoData !== false) await seedDemoData(api.app);
    if (options.worker) worker = await startWorker(database.config);
    browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  const openBrowser = browser;
  const testApi = api;
  const testDatabase = database;

  return {
    url: site.url,
    api: testApi,
    database: testDatabase,
    async signIn(username) {
      const context = await openBrowser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(site.url);
      await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Username or email').waitFor();
      await page.getByLabel('Username or email').fill(username);
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Staff land on the dashboard; a guest organisation's people, who have no member, on the shared spaces.
      await page.waitForURL((url) => url.origin === new URL(site.url).origin && ['/', '/spaces'].includes(url.pathname));
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      return page;
    },
    close,
  };
}

/**
 * Fails with every WCAG A/AA problem axe-core finds on the page, once its animations have
 * finished: axe reads colours as they are, and a message still fading in would fail contrast.
 * Endless animations (a progress bar while loading) are left out, since they never finish.
 */
/**
 * Picks `option` in a Material select whose options load with the page. A select with no options
 * yet does not open at all, so under load the first click can open nothing: open it again until
 * the option is there.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const choice = page.getByRole('option', { name: option });
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await choice.waitFor({ timeout: 2_000 });
      break;
    } catch (error) {
      if (attempt === 10) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await choice.click();
}

export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
    undefined,
    // Polled on a timer: animation frames do not come to a page in the background.
    { polling: 100, timeout: 10_000 },
  );
  expect(await accessibilityViolations(page)).toEqual([]);
}

/**
 * The docs' screenshots are taken by the browser tests, but only when asked (`npm run
 * screenshots`): a test run must not leave tracked files changed.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['UPDATE_SCREENSHOTS'] !== '1') return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

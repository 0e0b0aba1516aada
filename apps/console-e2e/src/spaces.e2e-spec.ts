import type { Page } from 'playwright-core';
import { chooseOption, DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(180_000);

const UK = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const UK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY_MS = 86_400_000;
const ukDay = (offsetDays = 0) => UK.format(new Date(Date.now() + offsetDays * DAY_MS));
const VENUE = 'Night Owl Hub';

/**
 * The shared spaces as people meet them: the consortium admin opens a venue (open round the
 * clock, so the test holds at any hour) and sees the guest organisations; a member books a desk;
 * a council officer (a guest organisation's) sees it taken but not by whom, books another, is
 * offered alternatives on a clash, checks in, cancels and gets a calendar feed; the consortium
 * admin reads the usage report. Axe on every screen and state.
 */
describe('shared spaces', () => {
  let system: ConsoleHarness;

  beforeAll(async () => {
    system = await startConsoleHarness();
  });

  afterAll(async () => {
    await system?.close();
  });

  const navigation = (page: Page) => page.getByRole('navigation', { name: /Main menu|Prif ddewislen/ });

  /** Opens the venue's day on the finding page and waits for its grid. */
  async function openDay(page: Page, day: string): Promise<void> {
    if (new URL(page.url()).pathname !== '/spaces') await page.goto(`${system.url}/spaces`);
    await page.getByRole('heading', { name: 'Shared spaces', level: 1 }).waitFor();
    await chooseOption(page, page.getByRole('combobox', { name: 'Venue' }), VENUE);
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await page.getByTestId('date').fill(day);
    await page.locator(`[data-testid="availability"] caption`, { hasText: VENUE }).waitFor();
    await page.locator('[data-testid="availability"] tr[data-space="Desk A"]').waitFor();
  }

  const cell = (page: Page, space: string, time: string) => page.locator(`[data-testid="availability"] tr[data-space="${space}"] td[data-time="${time}"]`);

  async function bookWithForm(page: Page, space: string, from: string, to: string): Promise<void> {
    await page.getByRole('combobox', { name: 'Desk or room' }).click();
    await page.getByRole('option', { name: space, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await page.getByTestId('book-start').fill(from);
    await page.getByTestId('book-end').fill(to);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
  }

  it('lets the consortium admin open a venue with desks, and see the guest organisations', async () => {
    const page = await system.signIn(DEMO_USERS.consortiumAdmin);
    await navigation(page).getByRole('link', { name: 'Venues' }).click();
    await page.getByRole('heading', { name: 'Venues', level: 1 }).waitFor();
    await page.locator('[data-venue="Cardiff Collaboration Hub"]').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add a venue' }).click();
    const form = page.getByTestId('venue-form');
    await form.getByLabel('Name').fill(VENUE);
    await form.getByLabel('Address').fill('5 Heol Eglwys Fair, Cardiff');
    await form.getByLabel('Postcode').fill('CF10 1AB');
    for (const day of ['Saturday', 'Sunday']) await form.getByRole('checkbox', { name: `Open on ${day}` }).check();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await form.getByLabel(`${day} opens`).fill('00:00');
      // Closing at 00:00 is midnight at the end of the day: open round the clock.
      await form.getByLabel(`${day} closes`).fill('00:00');
    }
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Save venue' }).click();
    await page.getByTestId('venues-message').filter({ hasText: `${VENUE} is saved.` }).waitFor();

    for (const desk of ['Desk A', 'Desk B']) {
      await page.locator(`[data-venue="${VENUE}"]`).getByRole('button', { name: 'Add a desk or room' }).click();
      const spaceForm = page.getByTestId('space-form');
      await spaceForm.getByLabel('Name').fill(desk);
      await spaceForm.getByLabel(/^Accessibility/).fill(desk === 'Desk A' ? 'step-free' : 'height adjustable');
      await spaceForm.getByRole('button', { name: 'Save desk or room' }).click();
      await page.getByTestId('venues-message').filter({ hasText: `${desk} is saved.` }).waitFor();
    }
    expect(await page.locator(`[data-venue="${VENUE}"] tbody th`).allTextContents()).toEqual(['Desk A', 'Desk B']);
    await expectAccessible(page);
    await screenshot(page, 'spaces-venues');

    await navigation(page).getByRole('link', { name: 'Guest organisations' }).click();
    await page.getByTestId('guests').waitFor();
    expect(await page.locator('[data-testid="guests"] tbody th').allTextContents()).toEqual(['Cardiff Council']);
    await expectAccessible(page);
    await screenshot(page, 'spaces-guests');
    await page.context().close();
  });

  it('lets a member’s officer book a desk from the grid', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await navigation(page).getByRole('link', { name: 'Shared spaces' }).click();
    await openDay(page, ukDay(1));
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Free: book Desk A from 10:00' }).click();
    await page.getByLabel(/What it is for/).fill('Partnership meeting');
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByTestId('book-outcome').filter({ hasText: 'Desk A is booked for you' }).waitFor();
    await cell(page, 'Desk A', '10:00').filter({ hasText: 'Yours' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'spaces-find');
    await page.context().close();
  });

  it('shows a council officer (a guest) the desk as taken, never by whom, books another, and offers what is free on a clash', async () => {
    const page = await system.signIn(DEMO_USERS.cardiffGuest);
    expect(new URL(page.url()).pathname).toBe('/spaces');
    expect(await page.getByTestId('nav-member').textContent()).toBe('Cardiff Council');
    // The menu's module pages come with the session: wait for them before reading them.
    await navigation(page).locator('a[data-page="spaces/usage"]').waitFor();
    const pages = await navigation(page).locator('a[data-page]').evaluateAll((links) => links.map((link) => link.getAttribute('data-page') ?? ''));
    expect(pages.every((path) => path.startsWith('spaces') || path.startsWith('unconferences'))).toBe(true);
    expect(pages).toEqual(expect.arrayContaining(['spaces', 'spaces/bookings', 'spaces/usage']));
    expect(await navigation(page).getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    expect(await page.getByTestId('acting-for').count()).toBe(0);

    await openDay(page, ukDay(1));
    // The grid shows today's spaces until tomorrow's arrive: wait for the answer rather than read the first paint.
    await cell(page, 'Desk A', '10:00').filter({ hasText: 'Taken' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Sam Patel');
    expect(await page.locator('main').textContent()).not.toContain('Partnership meeting');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Free: book Desk B from 10:00' }).click();
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByTestId('book-outcome').filter({ hasText: 'Desk B is booked for you' }).waitFor();

    // Desk A at ten is Millbrook's: PostgreSQL refuses it, and the answer offers what is free.
    await bookWithForm(page, 'Desk A', '10:00', '11:00');
    await page.getByTestId('alternatives').waitFor();
    expect(await page.getByTestId('book-outcome').textContent()).toBe('That time is taken. These are free instead:');
    await expectAccessible(page);
    await screenshot(page, 'spaces-clash');
    await page.getByTestId('alternatives').getByRole('button', { name: /^Book this: Desk A/ }).first().click();
    await page.getByTestId('book-outcome').filter({ hasText: 'Desk A is booked for you' }).waitFor();

    // Nothing of any member's housing data: a housing page is not available to a guest.
    await page.goto(`${system.url}/repairs`);
    await page.getByRole('heading', { name: 'This page is not available' }).waitFor();
    await page.context().close();
  });

  it('lets the officer check in on arrival, cancel a booking, and subscribe to their bookings', async () => {
    const page = await system.signIn(DEMO_USERS.cardiffGuest);
    // A booking starting in a few minutes, today: check-in is open from 15 minutes before.
    const start = new Date(Math.ceil((Date.now() + 2 * 60_000) / 60_000) * 60_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    // Just before midnight, the booking ends at midnight (00:00), the end of the venue's day.
    const ukEnd = UK.format(end) === UK.format(start) ? UK_TIME.format(end) : '00:00';
    await openDay(page, UK.format(start));
    await bookWithForm(page, 'Desk B', UK_TIME.format(start), ukEnd);
    await page.getByTestId('book-outcome').filter({ hasText: 'Desk B is booked for you' }).waitFor();

    await navigation(page).getByRole('link', { name: 'My bookings' }).click();
    await page.getByTestId('my-bookings').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Check in to Desk B' }).click();
    await page.getByTestId('booking-change').filter({ hasText: 'You are checked in to Desk B.' }).waitFor();

    await page.getByRole('button', { name: /^Cancel Desk B/ }).first().click();
    await page.getByTestId('booking-change').filter({ hasText: 'Desk B is cancelled and free for others.' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Get a calendar address' }).click();
    const url = await page.getByTestId('feed-url').inputValue();
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = (await feed.text()).replace(/\r\n /g, '');
    expect(ics).toContain(`SUMMARY:Desk: Desk A\\, ${VENUE}`);
    expect(ics).toContain('STATUS:CANCELLED');
    await expectAccessible(page);
    await screenshot(page, 'spaces-my-bookings');
    await page.context().close();
  });

  it('shows the consortium admin every organisation’s use, for sharing costs, in English and Welsh', async () => {
    const page = await system.signIn(DEMO_USERS.consortiumAdmin);
    await navigation(page).getByRole('link', { name: 'Space usage' }).click();
    await page.getByRole('heading', { name: 'Space usage', level: 1 }).waitFor();
    await page.getByTestId('usage-from').fill(ukDay(-21));
    await page.getByTestId('usage-to').fill(ukDay(2));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.locator('[data-testid="usage-totals"] tr[data-organisation="Cardiff Council"]').waitFor();
    const organisations = await page.locator('[data-testid="usage-totals"] tbody th').allTextContents();
    expect(organisations).toEqual(expect.arrayContaining(['Cardiff Council', 'Millbrook Homes', 'Aber Housing Association']));
    expect(await page.getByTestId('bar-chart').getAttribute('aria-label')).toContain('Cardiff Council');
    await page.getByTestId('quota-form').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'spaces-usage');

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { name: 'Defnydd o’r mannau', level: 1 }).waitFor();
    expect(await page.locator('[data-testid="usage-totals"] thead th').first().textContent()).toBe('Sefydliad');
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.context().close();
  });
});

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { chooseOption, DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(180_000);

/** Yesterday in the UK, YYYY-MM-DD: the slots have begun, so notes can be shared. */
function ukYesterday(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * An unconference from end to end, as people meet it: Millbrook's tenant admin organises it,
 * staff of two members propose (with a co-host) and vote, the scheduler drafts a timetable that
 * puts nobody in two places, the organiser publishes it, and a note is shared.
 */
describe('unconferences', () => {
  let system: ConsoleHarness;
  let eventUrl: string;
  const TITLE = 'Spring Housing Camp';
  const DAMP = 'Damp checklists that work';
  const CONTRACTS = 'Occupation contracts, one year on';
  const HOSPITAL = 'Hospital discharge and housing';

  beforeAll(async () => {
    system = await startConsoleHarness();
  });

  afterAll(async () => {
    await system?.close();
  });

  const change = (page: Page) => page.getByTestId('unconference-change');

  async function openEvent(page: Page): Promise<void> {
    await page.goto(eventUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  }

  it('lets an organiser create an event with rooms and slots and open it for proposals', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Unconferences' }).click();
    await page.getByRole('heading', { name: 'Unconferences', level: 1 }).waitFor();
    // The demo's own events are listed.
    await page.getByRole('link', { name: 'Working Together Day' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'unconferences');

    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Where (optional)').fill('The Guildhall, Millbrook');
    await page.getByLabel('Votes each participant has').fill('3');
    await page.getByRole('button', { name: 'Create unconference' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    eventUrl = page.url();
    expect(eventUrl).toMatch(/\/unconferences\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('unconference-status').textContent()).toContain('Draft');

    for (const [name, seats] of [['Main hall', '60'], ['Side room', '15']]) {
      await page.getByLabel('Room', { exact: true }).fill(name);
      await page.getByLabel('Seats').fill(seats);
      await page.getByRole('button', { name: 'Add room' }).click();
      await change(page).getByText(`${name} was added.`).waitFor();
    }
    const day = ukYesterday();
    for (const [start, end] of [['10:00', '11:00'], ['11:30', '12:30']]) {
      await page.getByLabel('Day').fill(day);
      await page.getByLabel('Starts').fill(start);
      await page.getByLabel('Ends').fill(end);
      await page.getByRole('button', { name: 'Add slot' }).click();
      await change(page).getByText('The slot was added.').waitFor();
    }
    // A slot overlapping another is refused, and says why.
    await page.getByLabel('Day').fill(day);
    await page.getByLabel('Starts').fill('10:30');
    await page.getByLabel('Ends').fill('11:15');
    await page.getByRole('button', { name: 'Add slot' }).click();
    await change(page).getByText('That slot overlaps another slot of this unconference').waitFor();
    expect(await page.getByTestId('slots').locator('li').count()).toBe(2);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Open for proposals' }).click();
    await change(page).getByText('Proposals are open.').waitFor();
    await page.getByLabel('Session title').fill(DAMP);
    await page.getByLabel('What it is about (optional)').fill('What we check on the first visit, and what residents are told.');
    await page.getByRole('button', { name: 'Propose session' }).click();
    await change(page).getByText(`“${DAMP}” was proposed.`).waitFor();
    await page.context().close();
  });

  it("lets another member's staff propose with a co-host, and vote within their votes", async () => {
    const page = await system.signIn(DEMO_USERS.aberAdmin);
    await openEvent(page);
    await page.getByLabel('Session title').fill(CONTRACTS);
    await chooseOption(page, page.getByRole('combobox', { name: 'Co-hosts (optional)' }), 'Sam Patel (Millbrook Homes)');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Propose session' }).click();
    await change(page).getByText(`“${CONTRACTS}” was proposed.`).waitFor();
    await expectAccessible(page);
    await page.context().close();

    const organiser = await system.signIn(DEMO_USERS.millbrookAdmin);
    await openEvent(organiser);
    await organiser.getByRole('button', { name: 'Open voting' }).click();
    await change(organiser).getByText('Voting is open.').waitFor();
    await organiser.getByRole('button', { name: `Vote for “${CONTRACTS}”` }).click();
    await change(organiser).getByText(`Your vote for “${CONTRACTS}” is counted.`).waitFor();
    await organiser.context().close();

    const voter = await system.signIn(DEMO_USERS.aberAdmin);
    await openEvent(voter);
    expect(await voter.getByTestId('votes-left').textContent()).toContain('You have 3 of your 3 votes left.');
    await voter.getByRole('button', { name: `Vote for “${DAMP}”` }).click();
    await change(voter).getByText(`Your vote for “${DAMP}” is counted.`).waitFor();
    await voter.getByRole('button', { name: `Vote for “${CONTRACTS}”` }).click();
    await change(voter).getByText(`Your vote for “${CONTRACTS}” is counted.`).waitFor();
    expect(await voter.getByTestId('votes-left').textContent()).toContain('You have 1 of your 3 votes left.');
    const counts = await voter.getByTestId('vote-count').allTextContents();
    expect(counts).toEqual(['1 vote', '2 votes']);
    await expectAccessible(voter);
    await screenshot(voter, 'unconference-voting');
    await voter.context().close();
  });

  it("lets a guest organisation's officer read the event, propose and vote, with no housing pages in the menu", async () => {
    const page = await system.signIn(DEMO_USERS.cardiffGuest);
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await menu.getByRole('link', { name: 'Unconferences' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await menu.getByRole('link', { name: 'Repairs' }).count()).toBe(0);
    await page.getByLabel('Session title').fill(HOSPITAL);
    await page.getByRole('button', { name: 'Propose session' }).click();
    await change(page).getByText(`“${HOSPITAL}” was proposed.`).waitFor();
    await page.getByRole('button', { name: `Vote for “${CONTRACTS}”` }).click();
    await change(page).getByText(`Your vote for “${CONTRACTS}” is counted.`).waitFor();
    expect(await page.getByTestId('vote-count').allTextContents()).toEqual(['1 vote', '3 votes', '0 votes']);
    await expectAccessible(page);
    await page.context().close();
  });

  it('drafts a timetable without clashes, publishes it with its .ics, and shares a note', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await openEvent(page);
    await page.getByRole('button', { name: 'Draft the timetable' }).click();
    await change(page).getByText('The timetable is drafted.').waitFor();
    const timetable = page.getByTestId('timetable');
    await timetable.waitFor();
    // Sam hosts one session and co-hosts the other: they are in different slots, the more voted in the
    // hall; the guest's session (no votes) takes the side room beside the most voted.
    const rows = await timetable.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.querySelector('.session-title')?.textContent?.trim() ?? '')),
    );
    expect(rows).toEqual([[CONTRACTS, HOSPITAL], [DAMP, '']]);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish the timetable' }).click();
    await change(page).getByText('The timetable is published.').waitFor();
    await page.getByTestId('timetable-state').getByText('This timetable is published.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    // iCalendar escapes commas and folds long lines.
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${CONTRACTS.replace(/,/g, '\\,')}`);
    expect(download.suggestedFilename()).toBe('spring-housing-camp.ics');
    const feed = await (await fetch((await page.getByTestId('feed-url').textContent())!)).text();
    expect(feed).toContain('BEGIN:VEVENT');
    expect(feed).not.toContain('Sam Patel');

    const notes = page.getByTestId('session-notes').getByRole('article', { name: DAMP });
    await notes.getByLabel(`Note on “${DAMP}”`).fill('## Actions\n- Share the first-visit checklist with Aber');
    await notes.getByRole('button', { name: 'Share note' }).click();
    await change(page).getByText('Your note is shared.').waitFor();
    await notes.getByText('Share the first-visit checklist with Aber').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'unconference-timetable');
    await page.context().close();
  });
});

import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(120_000);

/** A Wednesday at least a week ahead, clear of the bank holidays a Wednesday can fall on: a day the member's calendar books. */
function bookableDay(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (day.getUTCDay() !== 3 || ['12-25', '12-26', '01-01'].includes(day.toISOString().slice(5, 10))) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Repairs as a planner meets them: raise a repair and see it on the board, move its work order
 * from raised to completed through the Move menu's dialogs, and the hazard cases with their
 * Awaab's Law clocks, in English and in Welsh.
 */
describe('repairs', () => {
  let system: ConsoleHarness;

  beforeAll(async () => {
    system = await startConsoleHarness();
  });

  afterAll(async () => {
    await system?.close();
  });

  const column = (page: Page, status: string) => page.locator(`section[data-status="${status}"]`);

  async function move(page: Page, status: string, workOrder: string, action: string): Promise<void> {
    const card = column(page, status).locator(`[data-work-order="${workOrder}"]`);
    await card.getByTestId('move').click();
    await page.locator(`[role="menuitem"][data-action="${action}"]`).click();
    await page.getByRole('dialog').waitFor();
  }

  async function confirm(page: Page, nextStatus: string, workOrder: string): Promise<void> {
    await page.getByRole('dialog').getByTestId('confirm').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await column(page, nextStatus).locator(`[data-work-order="${workOrder}"]`).waitFor();
  }

  it('lists repairs a page at a time, filtered from the address', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/repairs`);
    await page.getByTestId('repairs').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Repairs');
    expect(await page.locator('tbody tr').count()).toBe(12);
    expect(await page.getByTestId('repairs').textContent()).toContain('Overdue by');
    await expectAccessible(page);
    await screenshot(page, 'repairs-list');

    await page.goto(`${system.url}/repairs?status=REPORTED`);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    expect(await page.getByTestId('repairs').locator('tbody').textContent()).toContain('Not triaged yet');
    await page.context().close();
  });

  it('raises a repair, triages it, and moves its work order across the board to completed', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/repairs`);
    await page.getByTestId('report-repair').click();
    await page.getByRole('heading', { name: 'Report a repair' }).waitFor();

    // Reporting without a home or description is refused in words, at the fields.
    await page.getByTestId('submit-report').click();
    await page.getByText('Choose a home first.').waitFor();
    await page.getByTestId('asset-search').fill('Kingfisher');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByTestId('homes').getByRole('radio').first().check();
    await page.getByTestId('description').fill('Bathroom light flickers and buzzes');
    await page.getByTestId('location').fill('bathroom');
    await expectAccessible(page);
    await screenshot(page, 'repairs-new');
    await page.getByTestId('submit-report').click();

    await page.getByTestId('triage-form').waitFor();
    expect(await page.getByTestId('repair-status').textContent()).toContain('Reported');
    await page.getByTestId('triage-priority').click();
    await page.getByRole('option', { name: 'Urgent' }).click();
    await page.getByTestId('triage-trade').click();
    await page.getByRole('option', { name: 'Electrical' }).click();
    await page.getByTestId('triage-submit').click();
    const panel = page.locator('hearth-work-order-panel article');
    await panel.waitFor();
    expect(await panel.getByTestId('work-order-status').textContent()).toContain('Raised');
    expect(await panel.textContent()).toMatch(/Due in \d+ working days/);
    const workOrder = (await panel.getAttribute('data-work-order'))!;
    const repairUrl = page.url();

    await page.goto(`${system.url}/repairs/board`);
    await column(page, 'RAISED').locator(`[data-work-order="${workOrder}"]`).waitFor();

    await move(page, 'RAISED', workOrder, 'assign');
    await page.getByTestId('assign-to').click();
    await page.getByRole('option', { name: 'Spark Electrical Ltd' }).waitFor();
    await page.keyboard.press('Escape'); // closes the list only
    await expectAccessible(page);
    await page.getByTestId('assign-to').click();
    await page.getByRole('option', { name: 'Spark Electrical Ltd' }).click();
    await confirm(page, 'ASSIGNED', workOrder);

    await move(page, 'ASSIGNED', workOrder, 'schedule');
    await page.getByTestId('day').fill(bookableDay());
    await expectAccessible(page);
    await confirm(page, 'SCHEDULED', workOrder);
    expect(await column(page, 'SCHEDULED').locator(`[data-work-order="${workOrder}"]`).textContent()).toContain('Morning');

    await move(page, 'SCHEDULED', workOrder, 'start');
    await confirm(page, 'IN_PROGRESS', workOrder);

    // Completing needs what was done: refused without it, at the field.
    await move(page, 'IN_PROGRESS', workOrder, 'complete');
    await page.getByRole('dialog').getByTestId('confirm').click();
    await page.getByRole('dialog').getByText('Required').waitFor();
    await expectAccessible(page);
    await page.getByTestId('notes').fill('Replaced the light fitting and tested the circuit');
    await confirm(page, 'COMPLETED', workOrder);
    await expectAccessible(page);
    await screenshot(page, 'repairs-board');

    await page.goto(repairUrl);
    await panel.waitFor();
    expect(await panel.getByTestId('work-order-status').textContent()).toContain('Completed');
    expect(await panel.getByTestId('assignee').textContent()).toBe('Spark Electrical Ltd');
    await panel.locator('summary').click();
    expect(await panel.getByTestId('history').locator('tbody tr').count()).toBe(5);
    await expectAccessible(page);
    await screenshot(page, 'repairs-detail');
    await page.context().close();
  });

  it('shows the board in Welsh', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/repairs/board`);
    await page.getByTestId('board').waitFor();
    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.locator('html[lang="cy"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bwrdd gorchmynion gwaith');
    expect(await column(page, 'ON_HOLD').locator('h2').textContent()).toContain('Wedi’i ohirio');
    expect(await page.getByTestId('board').textContent()).toContain('diwrnod gwaith');
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.context().close();
  });

  it('lists hazard cases with their clocks, and records an investigation on a case', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/repairs/hazards`);
    await page.getByTestId('hazards').waitFor();
    const table = (await page.getByTestId('hazards').textContent())!;
    expect(table).toContain('Overdue by');
    expect(table).toMatch(/Due (today|in \d+ working days?)/);
    expect(table).toContain('Starts when investigated');
    await expectAccessible(page);
    await screenshot(page, 'hazards');

    await page.goto(`${system.url}/repairs/hazards?overdue=true`);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);

    await page.getByTestId('hazards').locator('tbody th a').first().click();
    await page.getByTestId('clocks').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'hazard-case');

    await page.locator('button[data-action="investigate"]').click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page);
    await page.getByTestId('findings').fill('Condensation; the extractor fan is broken');
    await page.getByRole('dialog').getByTestId('confirm').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const clocks = page.getByTestId('clocks');
    await clocks.locator('[data-clock="WRITTEN_SUMMARY"]').getByText(/Due in \d+ working days?/).waitFor();
    expect(await clocks.locator('[data-clock="INVESTIGATE"]').textContent()).toContain('Met late');

    // Closing while clocks run is refused and says which; the case stays open.
    await page.locator('button[data-action="close"]').click();
    await page.getByTestId('reason').fill('Works booked');
    await page.getByRole('dialog').getByTestId('confirm').click();
    await page.getByRole('dialog').getByText(/Clocks still running/).waitFor();
    await expectAccessible(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('case-status').textContent()).toContain('Open');
    await page.context().close();
  });
});

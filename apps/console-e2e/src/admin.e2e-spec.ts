import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, 'fixtures');

/**
 * The console's administration as staff meet it: imports run by the real worker, the consortium's
 * members and their modules, onboarding, the noticeboard, and a member's closure days.
 */
describe('console administration', () => {
  let system: ConsoleHarness;

  beforeAll(async () => {
    system = await startConsoleHarness({ worker: true });
  });

  afterAll(async () => {
    await system?.close();
  });

  async function importFile(page: Page, kind: string, file: string): Promise<void> {
    await page.goto(`${system.url}/imports`);
    await page.getByRole('link', { name: 'New import' }).click();
    await page.getByRole('heading', { name: 'New import', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'What the file holds' }).click();
    await page.getByRole('option', { name: kind }).click();
    await page.getByRole('heading', { name: `Columns of a file of ${kind}` }).waitFor();
    await page.getByLabel('CSV file').setInputFiles(join(FIXTURES, file));
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
  }

  it('imports a good file, showing progress and then what it changed', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/imports`);
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'New import' }).click();
    await page.getByRole('combobox', { name: 'What the file holds' }).click();
    await page.getByRole('option', { name: 'People' }).click();
    const columns = page.getByTestId('import-columns');
    await columns.waitFor();
    expect(await columns.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['given_name', 'family_name', 'preferred_language']));
    await expectAccessible(page);

    await importFile(page, 'People', 'admin-people-good.csv');
    // The page shows the run's state from its first answer, then polls until it ends.
    await page.getByTestId('run-status').waitFor();
    await page.getByTestId('run-succeeded').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('count-inserted').textContent()).toBe('3');
    expect(await page.getByTestId('count-updated').textContent()).toBe('0');
    expect(await page.getByRole('heading', { name: 'Imported' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows a bad file’s every problem with line, column and reason, and that nothing changed', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await importFile(page, 'People', 'admin-people-bad.csv');
    await page.getByTestId('run-failed').waitFor({ timeout: 60_000 });

    expect(await page.getByRole('heading', { name: 'The import failed, and nothing was changed' }).isVisible()).toBe(true);
    expect(await page.getByTestId('run-failed').textContent()).toContain('Nothing in Hearth was changed');
    const problems = await page
      .getByTestId('run-problems')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? '')));
    expect(problems).toEqual(
      expect.arrayContaining([
        ['2', 'preferred_language', expect.stringContaining('xx')],
        ['3', 'given_name', expect.any(String)],
      ]),
    );
    const { rows } = await system.database.admin.query(`select count(*)::int as n from hearth.person_reference where reference like 'E2E-B-%'`);
    expect(rows[0].n).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'import-run-failed');

    // The list shows both runs, newest first, in English and in Welsh.
    await page.getByRole('link', { name: 'Back to imports' }).click();
    const runs = page.getByTestId('import-runs');
    await runs.waitFor();
    expect(await runs.getByTestId('run-status').allTextContents()).toEqual(['Failed', 'Succeeded']);
    await expectAccessible(page);
    await screenshot(page, 'imports');

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { name: 'Mewnforion', level: 1 }).waitFor();
    expect(await runs.getByTestId('run-status').allTextContents()).toEqual(['Methodd', 'Llwyddodd']);
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.context().close();
  });

  it('posts a notice and withdraws it', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/noticeboard`);
    await page.getByRole('heading', { name: 'Noticeboard', level: 1 }).waitFor();
    await page.getByTestId('notices').or(page.getByText('There are no notices up.')).first().waitFor();
    await expectAccessible(page);

    // A notice with no title is refused before anything is sent.
    await page.getByRole('button', { name: 'Post notice' }).click();
    await page.getByText('Give the notice a title.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Title').fill('Lift out of order at Millbrook Court');
    await page.getByLabel('Notice', { exact: true }).fill('The engineer comes on Thursday. Tell tenants who ask.');
    await page.getByRole('button', { name: 'Post notice' }).click();
    const notice = page.getByRole('article', { name: 'Lift out of order at Millbrook Court' });
    await notice.waitFor();
    expect(await page.getByTestId('notice-change').textContent()).toContain('is up');
    await expectAccessible(page);
    await screenshot(page, 'noticeboard');

    await page.getByRole('button', { name: 'Withdraw the notice “Lift out of order at Millbrook Court”' }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await page.getByTestId('notice-change').textContent()).toContain('was withdrawn');
    await page.context().close();
  });

  it('adds and removes a closure day', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/settings`);
    await page.getByRole('heading', { name: 'Closure days' }).waitFor();
    await page.getByText('No closure days from today on.').or(page.getByTestId('closure-days')).first().waitFor();

    const year = new Date().getUTCFullYear() + 1;
    await page.getByTestId('closure-day').fill(`${year}-06-18`);
    await page.getByTestId('closure-description').fill('Staff training day');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    const row = page.locator(`tr[data-day="${year}-06-18"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Staff training day');
    expect(await page.getByTestId('language-note').textContent()).toContain('You are reading Hearth in English.');
    await expectAccessible(page);
    await screenshot(page, 'settings');

    // The same day again is refused beside the field.
    await page.getByTestId('closure-day').fill(`${year}-06-18`);
    await page.getByTestId('closure-description').fill('Again');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await page.getByText('That day is a closure day already.').first().waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: `Remove the closure day 18 Jun ${year}` }).click();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('lets the consortium admin see members, switch a module off and on, and dry-run an onboarding', async () => {
    const page = await system.signIn(DEMO_USERS.consortiumAdmin);
    await page.goto(`${system.url}/consortium`);
    const members = page.getByTestId('members');
    await members.waitFor();
    const millbrook = members.locator('tr[data-member="millbrook-homes"]');
    expect(await millbrook.textContent()).toContain('England');
    expect(await millbrook.getByTestId('member-modules').textContent()).toContain('Noticeboard');
    expect(await members.locator('tr[data-member="thistle-housing"]').getByTestId('member-modules').textContent()).toContain('Core modules only');
    await expectAccessible(page);
    await screenshot(page, 'consortium-members');

    await millbrook.getByRole('link', { name: 'Millbrook Homes' }).click();
    await page.getByRole('heading', { name: 'Millbrook Homes', level: 1 }).waitFor();
    const noticeboard = page.getByRole('switch', { name: 'Noticeboard switched on' });
    expect(await noticeboard.getAttribute('aria-checked')).toBe('true');

    await noticeboard.click();
    await page.getByTestId('switch-outcome').getByText('Noticeboard is now off.').waitFor();
    expect(await noticeboard.getAttribute('aria-checked')).toBe('false');

    // Assets is needed by tenancies and repairs: the API refuses, and says why.
    const assets = page.getByRole('switch', { name: 'Assets switched on' });
    await assets.click();
    await page.getByTestId('switch-outcome').getByRole('alert').waitFor();
    expect(await page.getByTestId('switch-outcome').textContent()).toContain('The change was refused');
    expect(await assets.getAttribute('aria-checked')).toBe('true');
    await expectAccessible(page);

    await noticeboard.click();
    await page.getByTestId('switch-outcome').getByText('Noticeboard is now on.').waitFor();
    expect(await noticeboard.getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'consortium-member');

    await page.getByRole('link', { name: 'Back to members' }).click();
    await page.getByRole('link', { name: 'Onboard a member' }).click();
    await page.getByRole('heading', { name: 'Onboard a member', level: 1 }).waitFor();
    await expectAccessible(page);

    // A bad slug is shown beside its field.
    await page.getByLabel('Identifier (slug)').fill('Riverside Homes');
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByTestId('onboard-outcome').getByRole('alert').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Identifier (slug)').fill('riverside-homes');
    await page.getByLabel('Name', { exact: true }).fill('Riverside Homes');
    await page.getByLabel('Registration number').fill('L5555');
    await page.getByLabel('E-mail', { exact: true }).fill('rhian.jones@riverside-homes.example');
    await page.getByLabel('First name').fill('Rhian');
    await page.getByLabel('Last name').fill('Jones');
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    const plan = page.getByTestId('onboard-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toContain('+ member riverside-homes (Riverside Homes, england)');
    expect(await page.getByRole('button', { name: 'Apply' }).isEnabled()).toBe(true);
    await expectAccessible(page);
    // A dry run changes nothing.
    const { rows } = await system.database.admin.query(`select count(*)::int as n from hearth.tenant where slug = 'riverside-homes'`);
    expect(rows[0].n).toBe(0);
    await page.context().close();
  });
});

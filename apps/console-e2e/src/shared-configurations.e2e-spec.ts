import type { Locator, Page } from 'playwright-core';
import { OnboardingService } from '@hearth/consortium-members';
import { chooseOption, DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(180_000);

/** Aber's own priority matrix, in Welsh, before it copies Millbrook's. */
const ABER_REPAIRS = {
  priorities: [
    { code: 'argyfwng', name: 'Argyfwng', target: { hours: 48 }, emergency: true, hactPriority: 1 },
    { code: 'urgent', name: 'Brys', target: { workingDays: 7 }, emergency: false, hactPriority: 2 },
    { code: 'routine', name: 'Arferol', target: { workingDays: 28 }, emergency: false, hactPriority: 3 },
  ],
  approachingWithinHours: 48,
};

/**
 * The shared configuration library as members meet it: Millbrook publishes a new version of its
 * repairs priorities and is refused a letter that names one of its tenants; Aber (which the test
 * switches repairs on for, with its own Welsh matrix) browses the library, previews what copying
 * would change, copies an adapted version, and sees where its copy came from.
 */
describe('shared configurations', () => {
  let system: ConsoleHarness;
  let tenantName: string;

  beforeAll(async () => {
    system = await startConsoleHarness();
    // Aber has no repairs in tenants/; here it switches them on, with a matrix of its own to compare.
    const switched = await system.api.app.get(OnboardingService).setModule('aber-housing', 'repairs', true, ABER_REPAIRS);
    if (switched.status !== 'applied') throw new Error(`Could not switch repairs on for Aber: ${JSON.stringify(switched)}`);
    // A letter a Millbrook officer wrote for one case, naming the tenant: it must never reach the library.
    const { rows } = await system.database.admin.query(
      `select p.given_name || ' ' || p.family_name as name, p.tenant_id from hearth.person p join hearth.tenant t on t.id = p.tenant_id
       where t.slug = 'millbrook-homes' order by p.family_name, p.given_name limit 1`,
    );
    tenantName = rows[0].name;
    const letter = { subject: 'Your rent', body: `Dear ${tenantName},\n\nPlease call us about your rent.` };
    await system.database.admin.query(
      `update hearth.tenant_module set settings = jsonb_set(settings, '{letterTemplates,case_letter}', $2::jsonb) where tenant_id = $1 and module_key = 'rent'`,
      [rows[0].tenant_id, JSON.stringify({ en: letter, cy: { subject: 'Eich rhent', body: 'Annwyl {{name}},\n\nFfoniwch ni am eich rhent.' } })],
    );
  });

  afterAll(async () => {
    await system?.close();
  });

  /** Each row's cells as a reader meets them: trimmed, spaces run together. */
  function cellsOf(rows: Locator): Promise<string[][]> {
    return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
  }

  const choose = (page: Page, field: string, option: string) => chooseOption(page, page.getByRole('combobox', { name: field }), option);

  it('lets Millbrook publish a new version of its repairs priorities', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Shared configurations' }).click();
    await page.getByRole('heading', { name: 'Shared configurations', level: 1 }).waitFor();
    const library = page.getByTestId('library');
    await library.waitFor();
    expect((await library.locator('tbody th a').allTextContents()).map((t) => t.trim())).toEqual(
      expect.arrayContaining(['Repairs priorities and targets', 'Schedule of rates for everyday repairs', 'Friendly first arrears reminder', 'Three-stage arrears recovery']),
    );
    await expectAccessible(page);
    await screenshot(page, 'shared-configurations');

    await page.getByTestId('publish').click();
    await page.getByRole('heading', { name: 'Publish configuration', level: 1 }).waitFor();
    await choose(page, 'What to publish', 'Repairs priorities and targets');
    const draft = page.getByTestId('draft');
    await draft.getByTestId('priorities').waitFor();
    expect((await draft.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(['emergency', 'urgent', 'routine', 'planned']);
    await choose(page, 'A new version of', 'Repairs priorities and targets (Version 1.0)');
    expect(await page.getByRole('textbox', { name: 'Version', exact: true }).inputValue()).toBe('1.1');
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Repairs priorities and targets');
    await page.getByRole('textbox', { name: 'Description' }).fill('Our four priorities, now with a one-day warning before every target. Matches the HACT work priorities.');
    await expectAccessible(page);
    await screenshot(page, 'shared-configurations-publish');

    await page.getByTestId('publish-button').click();
    await page.waitForURL(/\/shared-configurations\/[0-9a-f-]{36}\?published=1$/);
    expect(await page.getByTestId('detail-change').textContent()).toContain('“Repairs priorities and targets” version 1.1 is published for every member.');
    const versions = page.getByTestId('versions');
    expect((await cellsOf(versions.locator('tbody tr'))).map((row) => row[0])).toEqual(['Version 1.1 (this version)', 'Version 1.0']);
    await expectAccessible(page);
    await page.context().close();
  });

  it("refuses to publish a letter template that names one of Millbrook's tenants, saying where and what", async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.goto(`${system.url}/shared-configurations/publish`);
    await page.getByRole('heading', { name: 'Publish configuration', level: 1 }).waitFor();
    await choose(page, 'What to publish', 'Letter template');
    await choose(page, 'Which letter template', 'case_letter');
    const refusal = page.getByTestId('draft-problem');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      `Nothing about people, tenancies, accounts or homes may be published. What you are publishing (at /en/body) contains the name of a person on your register: “${tenantName}”. ` +
        'Change it in your settings (in a letter, a placeholder such as {{name}} or {{paymentReference}} stands for it) and publish again.',
    );
    expect(await page.getByTestId('publish-button').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'shared-configurations-refused');
    const { rows } = await system.database.admin.query(`select count(*)::int as n from hearth.shared_configuration where subject = 'case_letter'`);
    expect(rows[0].n).toBe(0);
    await page.context().close();
  });

  it('lets Aber browse the library, preview what copying would change, copy it adapted, and see where it came from', async () => {
    const page = await system.signIn(DEMO_USERS.aberAdmin);
    await page.goto(`${system.url}/shared-configurations`);
    await page.getByTestId('library').waitFor();
    await choose(page, 'Kind', 'Repairs priorities and targets');
    await page.waitForURL(/kind=repair-priorities/);
    const rows = page.getByTestId('library').locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="library"] tbody tr').length === 1);
    expect((await cellsOf(rows))[0].slice(1)).toEqual(['Repairs priorities and targets', 'Millbrook Homes', '1.1 2 versions', expect.any(String), '']);
    await expectAccessible(page);

    await rows.getByRole('link', { name: 'Repairs priorities and targets' }).click();
    await page.getByRole('heading', { name: 'Repairs priorities and targets', level: 1 }).waitFor();
    expect(await page.getByTestId('publisher').textContent()).toBe('Millbrook Homes');
    await expectAccessible(page);
    await screenshot(page, 'shared-configuration');

    await page.getByTestId('copy').click();
    const dialog = page.getByRole('dialog', { name: 'Copy “Repairs priorities and targets” version 1.1' });
    const changes = dialog.getByTestId('changes');
    await changes.waitFor();
    expect(await cellsOf(changes.locator('tbody tr'))).toEqual([
      ['Priority “emergency”', 'Added', ''],
      ['Priority “urgent”', 'Changed', 'name, target'],
      ['Priority “routine”', 'Changed', 'name, target'],
      ['Priority “planned”', 'Added', ''],
      ['Warning before a target', 'Changed', 'hours'],
      ['Priority “argyfwng”', 'Removed', ''],
    ]);
    expect(await dialog.locator('.warnings li').textContent()).toContain('These priorities would go: argyfwng.');
    await expectAccessible(page);
    await screenshot(page, 'shared-configuration-copy');

    // Aber keeps its Welsh name for routine repairs: an adaptation, checked again before copying.
    await dialog.getByLabel('Name of “routine”').fill('Arferol');
    expect(await dialog.getByTestId('adopt').isDisabled()).toBe(true);
    await dialog.getByTestId('check').click();
    await dialog.getByTestId('changes').locator('tbody tr', { hasText: 'Priority “routine”' }).getByText('target', { exact: true }).waitFor();
    expect((await cellsOf(dialog.getByTestId('changes').locator('tbody tr', { hasText: 'Priority “routine”' })))[0]).toEqual(['Priority “routine”', 'Changed', 'target']);
    await dialog.getByTestId('adopt').click();
    await dialog.waitFor({ state: 'detached' });

    const message = page.getByTestId('detail-change');
    await message.getByText('Copied into your settings').waitFor();
    expect(await message.textContent()).toBe('Copied into your settings. It remembers where it came from: Millbrook Homes’s “Repairs priorities and targets” version 1.1.');
    expect(await page.getByTestId('your-copy').locator('p').textContent()).toMatch(/You copied version 1\.1 on .* \(Ffion Evans\)\.\s+Adapted when copied\.\s+Your settings still hold it as copied\./);
    await expectAccessible(page);

    const { rows: settings } = await system.database.admin.query(
      `select m.settings from hearth.tenant_module m join hearth.tenant t on t.id = m.tenant_id where t.slug = 'aber-housing' and m.module_key = 'repairs'`,
    );
    expect(settings[0].settings.priorities.map((p: { code: string; name: string }) => [p.code, p.name])).toEqual([
      ['emergency', 'Emergency'], ['urgent', 'Urgent'], ['routine', 'Arferol'], ['planned', 'Planned'],
    ]);

    await page.getByRole('link', { name: 'What we have copied' }).click();
    await page.getByRole('heading', { name: 'Copied configurations', level: 1 }).waitFor();
    const adoptions = page.getByTestId('adoptions');
    await adoptions.waitFor();
    expect((await adoptions.getByTestId('provenance').allTextContents()).map((t) => t.trim())).toEqual(['Millbrook Homes’s “Repairs priorities and targets” version 1.1']);
    expect((await adoptions.locator('.states li').allTextContents()).map((t) => t.trim())).toEqual(['Adapted when copied']);
    await expectAccessible(page);
    await screenshot(page, 'shared-configurations-copied');

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { name: 'Ffurfweddiadau a gopïwyd', level: 1 }).waitFor();
    expect((await adoptions.getByTestId('provenance').allTextContents()).map((t) => t.trim())).toEqual(['“Repairs priorities and targets” fersiwn 1.1 gan Millbrook Homes']);
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.context().close();
  });
});

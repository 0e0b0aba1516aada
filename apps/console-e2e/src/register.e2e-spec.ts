import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(120_000);

/**
 * The register as staff meet it (issue 6): find a dwelling by postcode or street and see who
 * lives there; filter the dwelling register; open a person and raise an alert; and a Welsh
 * member's occupation contract in English and Cymraeg.
 */
describe('register', () => {
  let system: ConsoleHarness;

  beforeAll(async () => {
    system = await startConsoleHarness();
  });

  afterAll(async () => {
    await system?.close();
  });

  const navigation = (page: Page) => page.getByRole('navigation', { name: /Main menu|Prif ddewislen/ });

  it('finds a dwelling by postcode and shows its tenancy and tenants', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await navigation(page).getByRole('link', { name: 'Assets', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Assets' }).waitFor();
    await page.getByTestId('asset-browse').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Address, postcode, UPRN or reference').fill('MB1 2AB');
    await page.getByRole('button', { name: 'Search assets' }).click();
    const results = page.getByTestId('asset-search-results');
    await results.getByRole('link', { name: 'Flat 1 Kingfisher House' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('MB1 2AB');
    await expectAccessible(page);
    await screenshot(page, 'register-asset-search');

    await results.getByRole('link', { name: 'Flat 1 Kingfisher House' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flat 1 Kingfisher House, MB1 2AB' }).waitFor();
    await page.getByTestId('asset-tenants').waitFor();
    expect(await page.getByTestId('asset-tenants').textContent()).toContain("Grace O'Neill");
    expect(await page.getByRole('heading', { name: 'Current tenancy' }).isVisible()).toBe(true);
    await page.getByTestId('asset-repairs').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'register-dwelling');

    // Up the hierarchy: the block, and the dwellings in it.
    await page.getByTestId('asset-parent').click();
    await page.getByRole('heading', { level: 1, name: /Kingfisher House/ }).waitFor();
    await page.getByTestId('asset-children').getByRole('link', { name: 'Flat 1 Kingfisher House' }).waitFor();
    await expectAccessible(page);

    // The details form refuses a malformed postcode beside the field.
    await page.goBack();
    await page.getByTestId('edit-asset').click();
    await page.getByTestId('asset-form-postcode').fill('not a postcode');
    await page.getByTestId('asset-form-save').click();
    await page.getByText('Enter a UK postcode, such as MB1 2AB.').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('filters the dwelling register, with the filter in the address', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await navigation(page).getByRole('link', { name: 'Dwellings' }).click();
    await page.getByTestId('dwellings').waitFor();
    const all = await page.getByTestId('dwelling-row').count();
    expect(all).toBeGreaterThan(2);
    await expectAccessible(page);

    await page.getByTestId('filter-occupancy').click();
    await page.getByRole('option', { name: 'Void' }).click();
    await page.getByTestId('apply-filters').click();
    await page.waitForURL(/occupancy=VOID/);
    // Every row left is a void home (the unfiltered list had some too, so wait for the new rows).
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=dwelling-row]')];
      return rows.length > 0 && rows.every((row) => row.textContent?.includes('Void'));
    });
    const voids = await page.getByTestId('dwelling-row').count();
    expect(voids).toBeLessThan(all);
    await expectAccessible(page);
    await screenshot(page, 'register-dwellings');

    // The filtered list is bookmarkable: a fresh load of the address shows the same rows.
    await page.reload();
    await page.getByTestId('dwellings').waitFor();
    expect(await page.getByTestId('dwelling-row').count()).toBe(voids);
    await page.context().close();
  });

  it('opens a person and raises an alert, which shows on their home', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await navigation(page).getByRole('link', { name: 'People' }).click();
    await page.getByTestId('people').waitFor();
    await page.getByLabel('Name or reference').fill('Grace');
    await page.getByRole('button', { name: 'Search people' }).click();
    await page.getByTestId('people').getByRole('link', { name: "Mrs Grace O'Neill" }).click();
    await page.getByRole('heading', { level: 1, name: "Mrs Grace O'Neill" }).waitFor();
    expect(await page.getByTestId('person-needs').textContent()).toContain('Large print');
    await page.getByTestId('person-tenancies').waitFor();
    await expectAccessible(page);

    await page.getByTestId('raise-alert').click();
    await page.getByTestId('raise-alert-code').click();
    await page.getByRole('option', { name: '20-10: Hearing difficulties' }).click();
    await page.getByTestId('raise-alert-note').fill('Knock loudly; doorbell not heard');
    await expectAccessible(page);
    await page.getByTestId('raise-alert-save').click();
    await page.getByTestId('person-alerts').getByText('Alert raised.').waitFor();
    expect(await page.getByTestId('alert-note').textContent()).toContain('Knock loudly');
    await expectAccessible(page);
    await screenshot(page, 'register-person');

    await page.getByTestId('person-tenancies').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Tenancy: / }).waitFor();
    expect(await page.getByTestId('tenancy-tenants').textContent()).toContain("Grace O'Neill");
    await expectAccessible(page);
    await page.context().close();
  });

  it('says occupation contract and contract-holder for a Welsh member, in English and Cymraeg', async () => {
    const page = await system.signIn(DEMO_USERS.aberAdmin);
    await page.goto(`${system.url}/register/dwellings?search=${encodeURIComponent('Fflat 1')}`);
    // Joint contract-holders who joined the same day come in no particular order.
    await page.getByTestId('dwellings').getByRole('link', { name: /^(Mr Gareth Jones & Mrs Siân Jones|Mrs Siân Jones & Mr Gareth Jones)$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Occupation contract: Fflat 1 Tŷ Cerdin/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Contract-holders' }).isVisible()).toBe(true);
    expect(await page.getByTestId('tenancy-tenure').textContent()).toBe('Secure occupation contract');
    await expectAccessible(page);

    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { level: 1, name: /^Contract meddiannaeth: Fflat 1 Tŷ Cerdin/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Deiliaid contract' }).isVisible()).toBe(true);
    expect(await page.getByTestId('tenancy-tenure').textContent()).toBe('Contract meddiannaeth diogel');
    await expectAccessible(page);
    await screenshot(page, 'register-tenancy-wales');
    await page.getByRole('radio', { name: 'English' }).click();
    await page.context().close();
  });
});

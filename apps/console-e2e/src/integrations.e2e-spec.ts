import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { DEMO_USERS, expectAccessible, screenshot, startConsoleHarness, type ConsoleHarness } from './support/console-harness';

jest.setTimeout(120_000);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A partner's receiver on loopback, answering 204 or, when told to fail, 500. */
class Receiver {
  readonly received: Received[] = [];
  failing = false;
  url = '';
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answered = this.failing ? 500 : 204;
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hearth/webhooks`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The Standard Webhooks check docs/partners/webhooks.md gives receivers, with node:crypto. */
function verifies(secret: string, message: Received): boolean {
  const id = String(message.headers['webhook-id']);
  const timestamp = String(message.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${message.body}`).digest();
  return String(message.headers['webhook-signature'])
    .split(' ')
    .some((candidate) => {
      const [version, signature] = candidate.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The integration screens as a member's admin meets them: a partner's API client registered,
 * suspended and reinstated, and a webhook endpoint on a loopback receiver with the real worker
 * delivering, failing and replaying.
 */
describe('console integrations', () => {
  let system: ConsoleHarness;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    system = await startConsoleHarness({
      worker: true,
      // A receiver on 127.0.0.1, and a retry schedule short enough to see a delivery fail: two attempts.
      env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOKS_RETRY_SCHEDULE_MS: '0,300' },
    });
  });

  afterAll(async () => {
    await system?.close();
    await receiver.close();
  });

  async function confirmIn(page: Page, button: string): Promise<void> {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: button }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('registers a client with its secret shown once, suspends and reinstates it', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'API clients' }).click();
    await page.getByRole('heading', { name: 'API clients', level: 1 }).waitFor();
    await page.getByTestId('client-table').or(page.getByText('No API clients are registered yet.')).first().waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Register a client' }).click();
    await page.getByRole('heading', { name: 'Register an API client', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: 'repairs:read' }).waitFor();
    // Nothing chosen: refused before anything is sent.
    await page.getByRole('button', { name: 'Register a client' }).click();
    await page.getByText('Give the client a name.').waitFor();
    await page.getByText('Choose at least one scope.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Name').fill('Acme Repairs');
    await page.getByLabel('Description (optional)').fill('Acme’s job management system');
    await page.getByRole('checkbox', { name: 'repairs:read' }).check();
    await page.getByRole('checkbox', { name: 'repairs:status' }).check();
    await page.getByLabel('Rate limit per minute (optional)').fill('300');
    await page.getByRole('button', { name: 'Register a client' }).click();

    const shown = page.getByTestId('secret-once');
    await shown.waitFor();
    expect(await shown.getByRole('heading').textContent()).toContain('“Acme Repairs” is registered');
    expect(await shown.textContent()).toContain('Copy it now: it will not be shown again.');
    expect(await page.getByTestId('new-client-id').textContent()).toMatch(/-acme-repairs$/);
    // Tests run without Keycloak admin credentials: the API's notice says so, and the page with it.
    expect(await page.getByTestId('client-notice').textContent()).toContain('Keycloak does not know this client yet');
    const secret = (await page.getByTestId('secret-value').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    await expectAccessible(page);

    // Gone on reload: the page holds it only in memory.
    await page.reload();
    await page.getByRole('heading', { name: 'Register an API client', level: 1 }).waitFor();
    await page.getByLabel('Name').waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('link', { name: 'Back to API clients' }).click();
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Acme Repairs' }) });
    await row.waitFor();
    expect(await row.getByTestId('client-status').textContent()).toContain('Active');
    expect(await row.textContent()).toContain('300 a minute');
    await expectAccessible(page);
    await screenshot(page, 'integrations-clients');

    // The same page in Welsh.
    await page.getByRole('radio', { name: 'Cymraeg' }).click();
    await page.getByRole('heading', { name: 'Cleientiaid API', level: 1 }).waitFor();
    expect(await row.getByTestId('client-status').textContent()).toContain('Gweithredol');
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'API clients', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Acme Repairs' }).click();
    await page.getByRole('heading', { name: 'Acme Repairs', level: 1 }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'repairs:status' }).isChecked()).toBe(true);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Suspend the client' }).click();
    await dialog.getByText('Say why.').waitFor();
    await dialog.getByLabel('Why it is suspended').fill('Contract ended in March');
    await confirmIn(page, 'Suspend the client');
    await page.getByText('The client is suspended: its requests are refused.').waitFor();
    expect(await page.getByTestId('client-status').textContent()).toContain('Suspended');
    expect(await page.getByTestId('suspension').textContent()).toContain('Contract ended in March');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Reinstate' }).click();
    await page.getByText('The client is reinstated: it can use the API again.').waitFor();
    expect(await page.getByTestId('client-status').textContent()).toContain('Active');

    // A new secret, once.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await confirmIn(page, 'Issue a new secret');
    await page.getByRole('heading', { name: 'A new client secret' }).waitFor();
    const rotated = (await page.getByTestId('secret-value').textContent())!.trim();
    expect(rotated).not.toBe(secret);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByTestId('secret-once').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('adds an endpoint, delivers a signed test event, shows a failure and replays it', async () => {
    const page = await system.signIn(DEMO_USERS.millbrookAdmin);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByTestId('endpoint-table').or(page.getByText('No webhook endpoints yet.')).first().waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Add an endpoint' }).click();
    await page.getByRole('heading', { name: 'Add a webhook endpoint', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Only the events I choose' }).check();
    await page.getByRole('checkbox', { name: 'webhooks.test' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'Every event, including kinds added later' }).check();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description (optional)').fill('Acme job system, test');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('heading', { name: 'The endpoint is added' }).waitFor();
    const secret = (await page.getByTestId('secret-value').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('heading', { name: 'Webhook endpoint', level: 1, exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByTestId('endpoint-status').textContent()).toContain('Active');
    await page.getByText('Nothing has been sent to this endpoint yet.').waitFor();
    await expectAccessible(page);

    // A test event, delivered by the worker and signed with the secret shown.
    await page.getByRole('button', { name: 'Send a test event' }).click();
    const outcome = page.getByTestId('endpoint-outcome');
    await page.getByText('A test event is on its way').waitFor();
    const firstId = (await outcome.textContent())!.match(/msg_[0-9a-f]+/)![0];
    const first = page.locator(`tr[data-webhook-id="${firstId}"]`);
    await first.getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor({ timeout: 30_000 });
    expect(await first.getByTestId('last-response').textContent()).toContain('204');
    const delivered = receiver.received.find((message) => message.headers['webhook-id'] === firstId)!;
    expect(delivered.headers['user-agent']).toBe('Hearth-Webhooks/1');
    expect(JSON.parse(delivered.body).type).toBe('webhooks.test');
    expect(verifies(secret, delivered)).toBe(true);
    expect(verifies(secret, { ...delivered, body: delivered.body.replace('webhooks.test', 'webhooks.tset') })).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'integrations-webhook');

    // The receiver breaks: both attempts fail, and the log says so.
    receiver.failing = true;
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await until(() => receiver.received.filter((message) => message.answered === 500).length >= 2);
    const failedId = receiver.received.find((message) => message.answered === 500)!.headers['webhook-id'] as string;
    const failed = page.locator(`tr[data-webhook-id="${failedId}"]`);
    await failed.getByTestId('delivery-status').filter({ hasText: 'Failed' }).waitFor({ timeout: 30_000 });
    expect(await failed.getByTestId('attempts').textContent()).toContain('2');
    expect(await failed.getByTestId('last-response').textContent()).toContain('500');

    await page.getByTestId('status-filter').click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await first.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="delivery-log"] tbody tr').count()).toBe(1);
    await expectAccessible(page);
    await page.getByTestId('status-filter').click();
    await page.getByRole('option', { name: 'Every status' }).click();
    await first.waitFor();

    // Fixed: the failed delivery is replayed with the same webhook-id, and arrives.
    receiver.failing = false;
    await failed.getByRole('button', { name: `Replay webhooks.test (${failedId})` }).click();
    await page.getByText(`${failedId} is queued to be sent again`).waitFor();
    await failed.getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor({ timeout: 30_000 });
    expect(await failed.getByTestId('attempts').textContent()).toContain('1 replay');
    expect(receiver.received.filter((message) => message.headers['webhook-id'] === failedId).map((message) => message.answered)).toEqual([500, 500, 204]);

    // Everything since an hour ago: both finished deliveries again.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const local = new Date(anHourAgo.getTime() - anHourAgo.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByTestId('replay-since').fill(local);
    await page.getByRole('button', { name: 'Replay since then' }).click();
    await page.getByText('2 deliveries are queued to be sent again.').waitFor();

    // A new secret: the old one still signs for a day.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await confirmIn(page, 'Issue a new secret');
    await page.getByRole('heading', { name: 'A new signing secret' }).waitFor();
    expect(await page.getByTestId('secret-once').textContent()).toContain('The old secret still signs every message');
    await expectAccessible(page);
    await page.context().close();
  });
});

import { checkWebhookUrl, isBlockedAddress, type Resolver } from './url-policy';

const strict = { production: false, allowPrivateNetworks: false };
const production = { production: true, allowPrivateNetworks: false };
const allowed = { production: false, allowPrivateNetworks: true };
/** A resolver that answers from a table, so the test needs no DNS. */
const resolver = (table: Record<string, string[]>): Resolver => async (host) => {
  if (!table[host]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return table[host];
};
const dns = resolver({ 'hooks.example.com': ['93.184.216.34'], 'sneaky.example.com': ['93.184.216.34', '10.1.2.3'], 'inside.example.com': ['fd00::5'] });

describe('the webhook URL policy', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.5.5', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '::1', '::', 'fd12:3456::1', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'ff02::1',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('lets %s through', (address) =>
    expect(isBlockedAddress(address)).toBe(false));

  it('refuses loopback and private addresses, literal or resolved, naming the rule', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', strict, dns)).toMatchObject({ rule: 'private_address' });
    expect(await checkWebhookUrl('https://[::1]/hook', strict, dns)).toMatchObject({ rule: 'private_address' });
    expect(await checkWebhookUrl('https://sneaky.example.com/hook', strict, dns)).toMatchObject({ rule: 'private_address', message: expect.stringContaining('10.1.2.3') });
    expect(await checkWebhookUrl('https://inside.example.com/hook', strict, dns)).toMatchObject({ rule: 'private_address' });
    expect(await checkWebhookUrl('https://nowhere.example.com/hook', strict, dns)).toMatchObject({ rule: 'unresolvable' });
    expect(await checkWebhookUrl('https://hooks.example.com/hook', strict, dns)).toBeNull();
  });

  it('allows private networks only when configured to', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', allowed, dns)).toBeNull();
    expect(await checkWebhookUrl('https://inside.example.com/hook', allowed, dns)).toBeNull();
  });

  it('requires https in production, and refuses other schemes and credentials everywhere', async () => {
    expect(await checkWebhookUrl('http://hooks.example.com/hook', production, dns)).toMatchObject({ rule: 'https_required' });
    expect(await checkWebhookUrl('https://hooks.example.com/hook', production, dns)).toBeNull();
    expect(await checkWebhookUrl('http://hooks.example.com/hook', strict, dns)).toBeNull();
    expect(await checkWebhookUrl('ftp://hooks.example.com/hook', allowed, dns)).toMatchObject({ rule: 'invalid_url' });
    expect(await checkWebhookUrl('not a url', allowed, dns)).toMatchObject({ rule: 'invalid_url' });
    expect(await checkWebhookUrl('https://user:pw@hooks.example.com/hook', allowed, dns)).toMatchObject({ rule: 'credentials_in_url' });
  });
});

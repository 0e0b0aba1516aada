import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { HearthModule, ModuleRegistry, type PrivateDataProbe, type PrivateDataText, type ShareableConfigurationKind } from '@hearth/platform-kernel';
import { RegisterProbe } from '../privacy/register-probe';
import { ConfigurationKinds } from './configuration-kinds';

/** A module declaring kinds and probes, each class standing for its own instance. */
function declare(key: string, extra: { configurationKinds?: object[]; privateDataProbes?: object[] } = {}) {
  @HearthModule({
    key, name: key, description: key, version: '1.0.0',
    configurationKinds: (extra.configurationKinds ?? []) as Type<ShareableConfigurationKind>[],
    privateDataProbes: (extra.privateDataProbes ?? []) as Type<PrivateDataProbe>[],
  })
  class Declared {}
  return Declared;
}

const instances = new Map<object, unknown>();
const moduleRef = { get: (type: object) => instances.get(type) } as unknown as ModuleRef;
function kind(key: string, module: string): object {
  const type = class {};
  instances.set(type, { key, module });
  return type;
}
function probe(find: (texts: readonly PrivateDataText[]) => unknown): object {
  const type = class {};
  instances.set(type, { kind: 'person_name', find: async (texts: readonly PrivateDataText[]) => find(texts) });
  return type;
}

describe('ConfigurationKinds', () => {
  it("collects every installed module's kinds, in the modules' order and then each module's", () => {
    const registry = new ModuleRegistry([
      declare('repairs', { configurationKinds: [kind('priorities', 'repairs'), kind('sor-set', 'repairs')] }),
      declare('quiet'),
      declare('rent', { configurationKinds: [kind('letter', 'rent')] }),
    ]);
    const kinds = new ConfigurationKinds(moduleRef, registry);
    expect(kinds.all().map((k) => k.key)).toEqual(['priorities', 'sor-set', 'letter']);
    expect(kinds.get('letter')?.module).toBe('rent');
    expect(kinds.get('ghost')).toBeUndefined();
  });

  it.each([
    ['a kind naming another module', () => [declare('rent', { configurationKinds: [kind('letter', 'repairs')] })], /names the module "repairs"/],
    ['two kinds with one key', () => [declare('a', { configurationKinds: [kind('x', 'a')] }), declare('b', { configurationKinds: [kind('x', 'b')] })], /Two configuration kinds declare the key "x"/],
    ['a badly formed key', () => [declare('a', { configurationKinds: [kind('Bad_Key', 'a')] })], /lower-case words joined by hyphens/],
  ])('refuses %s', (_case, modules, message) => {
    expect(() => new ConfigurationKinds(moduleRef, new ModuleRegistry(modules())).onModuleInit()).toThrow(message);
  });
});

describe('RegisterProbe', () => {
  const texts: PrivateDataText[] = [{ path: 'title', text: 'a' }, { path: '/x', text: 'b' }, { path: '/y', text: 'c' }];

  it("asks every installed module's probes and keeps the finding in the earliest text", async () => {
    const registry = new ModuleRegistry([
      declare('tenancies', { privateDataProbes: [probe(() => ({ index: 2, path: '/y', kind: 'person_name', found: 'Jane Smith' })), probe(() => undefined)] }),
      declare('rent', { privateDataProbes: [probe(() => ({ index: 1, path: '/x', kind: 'payment_reference', found: 'MB-1' }))] }),
    ]);
    expect(await new RegisterProbe(moduleRef, registry).find(texts)).toEqual({ path: '/x', kind: 'payment_reference', found: 'MB-1' });
  });

  it('finds nothing when no probe does, or no module declares one', async () => {
    expect(await new RegisterProbe(moduleRef, new ModuleRegistry([declare('a', { privateDataProbes: [probe(() => undefined)] })])).find(texts)).toBeUndefined();
    expect(await new RegisterProbe(moduleRef, new ModuleRegistry([declare('a')])).find(texts)).toBeUndefined();
  });
});

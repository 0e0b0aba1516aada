import 'reflect-metadata';
import { Injectable, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { HearthContext, hearthContext, type AuditLog, type TransactionManager } from '@hearth/platform-database';
import { HearthModule, moduleDefinitionOf } from './hearth-module.decorator';
import { ModuleEnablement } from './module-enablement';
import { ModuleRegistry } from './module-registry';
import { objectSchema, underPrefix, withoutDefault } from './settings-configuration-kind';
import { pointerKey, privateDataProbeParameters, privateDataProbeQuery, type PrivateDataProbe, type ShareableConfigurationKind } from './shareable-configuration';

@Injectable()
class AKind {
  readonly key = 'a-kind';
}

@Injectable()
class AProbe {
  readonly kind = 'person_name';
}

describe('@HearthModule configurationKinds and privateDataProbes', () => {
  it('registers the kinds and probes as providers of the module, and keeps them in its definition', () => {
    @HearthModule({
      key: 'owner',
      name: 'Owner',
      description: 'Owns a kind',
      version: '1.0.0',
      configurationKinds: [AKind as unknown as Type<ShareableConfigurationKind>],
      privateDataProbes: [AProbe as unknown as Type<PrivateDataProbe>],
    })
    class OwnerModule {}

    expect(Reflect.getMetadata(MODULE_METADATA.PROVIDERS, OwnerModule)).toEqual(expect.arrayContaining([AKind, AProbe]));
    expect(moduleDefinitionOf(OwnerModule).configurationKinds).toEqual([AKind]);
    expect(moduleDefinitionOf(OwnerModule).privateDataProbes).toEqual([AProbe]);
  });
});

describe('the settings kinds helpers', () => {
  it('cuts a part of a settings schema without its default, and an object of parts all required', () => {
    expect(withoutDefault({ type: 'integer', default: 3 })).toEqual({ type: 'integer' });
    expect(objectSchema({ a: { type: 'string' } })).toEqual({ type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'string' } } });
  });

  it('moves a settings path under a content path, and nothing else', () => {
    expect(underPrefix('/recoveryStages/1/code', '/recoveryStages', '/stages')).toBe('/stages/1/code');
    expect(underPrefix('/recoveryStages', '/recoveryStages', '/stages')).toBe('/stages');
    expect(underPrefix('/letterTemplates/x', '/letterTemplates/x', '')).toBe('/');
    expect(underPrefix('/recoveryStagesX', '/recoveryStages', '/stages')).toBeUndefined();
  });

  it('escapes JSON pointer keys', () => {
    expect(pointerKey('a/b~c')).toBe('a~1b~0c');
  });
});

describe('privateDataProbeQuery', () => {
  it('wraps the findings in the texts, grams and tokens, and keeps the first text', () => {
    const sql = privateDataProbeQuery('select t.ord, t.path, t.token from tokens t');
    expect(sql).toMatch(/with texts as/);
    expect(sql).toMatch(/grams as/);
    expect(sql).toMatch(/tokens as/);
    expect(sql).toMatch(/order by f\.ord\s+limit 1/);
    expect(privateDataProbeParameters([{ path: 'title', text: 'T' }, { path: '/a', text: 'A' }])).toEqual([['title', '/a'], ['T', 'A']]);
  });
});

describe('ModuleEnablement.updateSettings', () => {
  @HearthModule({
    key: 'settled',
    name: 'Settled',
    description: 'Has settings',
    version: '1.0.0',
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: { days: { type: 'integer', minimum: 1, default: 30 }, codes: { type: 'array', items: { type: 'string' }, default: [] } },
    },
    checkSettings: (settings) => (new Set(settings['codes'] as string[]).size === (settings['codes'] as string[]).length ? [] : [{ path: '/codes', message: 'a code is given twice' }]),
  })
  class SettledModule {}

  function enablement(stored: Record<string, unknown> | undefined) {
    const queries: { sql: string; parameters: unknown[] }[] = [];
    const transactions = {
      query: jest.fn(async (sql: string, parameters: unknown[] = []) => {
        queries.push({ sql, parameters });
        return sql.startsWith('select') ? (stored === undefined ? [] : [{ settings: stored }]) : [];
      }),
    } as unknown as TransactionManager;
    const audit = { record: jest.fn(async () => undefined) } as unknown as AuditLog & { record: jest.Mock };
    return { service: new ModuleEnablement(new ModuleRegistry([SettledModule]), transactions, audit), queries, audit };
  }

  const bound = <T>(work: () => Promise<T>) => hearthContext.run(new HearthContext({ tenantId: '00000000-0000-4000-8000-000000000001' }), work);

  it('writes what the module accepts, with the defaults, locking the row first, and audits before and after', async () => {
    const { service, queries, audit } = enablement({ days: 7 });
    const result = await bound(() => service.updateSettings('settled', (s) => ({ ...s, codes: ['a', 'b'] }), 'test.settings'));
    expect(result).toEqual({ ok: true, before: { days: 7, codes: [] }, after: { days: 7, codes: ['a', 'b'] } });
    expect(queries[0].sql).toMatch(/for update/);
    expect(queries[1]).toEqual({ sql: expect.stringMatching(/^update hearth\.tenant_module/), parameters: ['settled', JSON.stringify({ days: 7, codes: ['a', 'b'] })] });
    expect(audit.record).toHaveBeenCalledWith({
      operation: 'test.settings', targetType: 'module', targetId: 'settled',
      before: { settings: { days: 7, codes: [] } }, after: { settings: { days: 7, codes: ['a', 'b'] } },
    });
  });

  it('takes whole settings too', async () => {
    const { service } = enablement({});
    expect(await bound(() => service.updateSettings('settled', { days: 2 }))).toMatchObject({ ok: true, after: { days: 2, codes: [] } });
  });

  it.each([
    ['the schema', { days: 0 }, '/days'],
    ['checkSettings', { codes: ['a', 'a'] }, '/codes'],
  ])('writes nothing %s refuses, and says why', async (_rule, settings, path) => {
    const { service, queries, audit } = enablement({});
    const result = await bound(() => service.updateSettings('settled', settings));
    expect(result).toMatchObject({ ok: false, problems: [{ path }] });
    expect(queries).toHaveLength(1);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('writes nothing for a member with the module off', async () => {
    const { service, queries } = enablement(undefined);
    expect(await bound(() => service.updateSettings('settled', { days: 2 }))).toEqual({ ok: false, problems: [{ path: '/', message: 'The Settled module is switched off' }] });
    expect(queries).toHaveLength(1);
  });

  it('refuses work with no member bound', async () => {
    const { service } = enablement({});
    await expect(hearthContext.run(new HearthContext(), () => service.updateSettings('settled', { days: 2 }))).rejects.toThrow();
  });
});

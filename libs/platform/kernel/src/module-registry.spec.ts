import { HearthModule } from './hearth-module.decorator';
import { ModuleRegistry } from './module-registry';
import { resolveModuleSettings } from './module-settings';

const declare = (key: string, extra: Record<string, unknown> = {}) => {
  @HearthModule({ key, name: key, description: key, version: '1.0.0', ...extra })
  class Declared {}
  return Declared;
};

describe('ModuleRegistry', () => {
  it('knows each module and the modules it needs, transitively', () => {
    const registry = new ModuleRegistry([declare('a'), declare('b', { dependsOn: ['a'] }), declare('c', { dependsOn: ['b'] })]);
    expect(registry.all().map((m) => m.key)).toEqual(['a', 'b', 'c']);
    expect(registry.dependenciesOf('c').sort()).toEqual(['a', 'b']);
  });

  it.each([
    ['two modules with one key', () => [declare('a'), declare('a')], /Two modules declare the key "a"/],
    ['a dependency that is not installed', () => [declare('b', { dependsOn: ['ghost'] })], /depends on "ghost", which is not installed/],
    ['a cycle', () => [declare('a', { dependsOn: ['b'] }), declare('b', { dependsOn: ['a'] })], /cycle: a → b → a/],
    ['a badly formed key', () => [declare('Rent_Module')], /lower-case words joined by hyphens/],
  ])('refuses %s', (_case, modules, message) => {
    expect(() => new ModuleRegistry(modules())).toThrow(message);
  });

  it('refuses a class that is not a Hearth module', () => {
    class Plain {}
    expect(() => new ModuleRegistry([Plain])).toThrow(/Plain is not decorated with @HearthModule/);
  });
});

describe('resolveModuleSettings', () => {
  const definition = {
    key: 'x', name: 'X', description: 'X', version: '1.0.0',
    settings: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 1, default: 30 } } },
  };

  it('fills in defaults', () => {
    expect(resolveModuleSettings(definition, {})).toEqual({ ok: true, settings: { days: 30 } });
  });

  it('explains every problem with its path', () => {
    expect(resolveModuleSettings(definition, { days: 0, colour: 'red' })).toEqual({
      ok: false,
      problems: [
        { path: '/', message: 'unknown setting "colour"' },
        { path: '/days', message: 'must be >= 1' },
      ],
    });
  });

  it("applies the module's own rules after the schema's, to settings with their defaults", () => {
    const withRule = {
      ...definition,
      checkSettings: (settings: Record<string, unknown>) => ((settings.days as number) > 7 ? [{ path: '/days', message: 'must be a week or less' }] : []),
    };
    expect(resolveModuleSettings(withRule, {})).toEqual({ ok: false, problems: [{ path: '/days', message: 'must be a week or less' }] });
    expect(resolveModuleSettings(withRule, { days: 7 })).toEqual({ ok: true, settings: { days: 7 } });
  });

  it('accepts no settings at all for a module without a schema', () => {
    expect(resolveModuleSettings({ ...definition, settings: undefined }, undefined)).toEqual({ ok: true, settings: {} });
    expect(resolveModuleSettings({ ...definition, settings: undefined }, { a: 1 })).toMatchObject({ ok: false });
  });
});

import { moduleDefinitionOf, resolveModuleSettings } from '@hearth/platform-kernel';
import { DEFAULT_LETTER_TEMPLATES, DEFAULT_RECOVERY_STAGES, DEFAULT_RENT_FREE_WEEKS } from './rent.settings';
import { RentModule } from './rent.module';

describe("a member's rent settings", () => {
  const definition = moduleDefinitionOf(RentModule);

  it('default to two and four rent-free weeks, three recovery stages and letters in English and Welsh', () => {
    const resolved = resolveModuleSettings(definition, {});
    expect(resolved).toMatchObject({
      ok: true,
      settings: { rentFreeWeeks: DEFAULT_RENT_FREE_WEEKS, recoveryStages: DEFAULT_RECOVERY_STAGES, letterTemplates: DEFAULT_LETTER_TEMPLATES, arrangementGraceDays: 7 },
    });
  });

  it('refuse a stage that sends a letter no template defines, and stages out of order', () => {
    const recoveryStages = [
      { code: 'late', name: 'Late', weeksOfRent: 4, minimumPence: 0, actions: [] },
      { code: 'early', name: 'Early', weeksOfRent: 1, minimumPence: 0, actions: [{ kind: 'letter', template: 'final_demand' }] },
    ];
    expect(resolveModuleSettings(definition, { recoveryStages })).toEqual({
      ok: false,
      problems: [
        { path: '/recoveryStages/1/weeksOfRent', message: 'stages must be in rising order of weeks of rent' },
        { path: '/recoveryStages/1/actions/0/template', message: 'there is no letter template "final_demand"' },
      ],
    });
  });

  it('refuse rent-free weeks that do not fit the pattern', () => {
    expect(resolveModuleSettings(definition, { rentFreeWeeks: { '50': [38], '48': [1, 2, 3, 54] } }).ok).toBe(false);
  });
});

import { moduleDefinitionOf, resolveModuleSettings } from '@hearth/platform-kernel';
import { DEFAULT_PRIORITIES } from './repairs.settings';
import { RepairsModule } from './repairs.module';

describe("a member's repairs settings", () => {
  const definition = moduleDefinitionOf(RepairsModule);

  it('default to the typical priority matrix and a 24-hour warning', () => {
    expect(resolveModuleSettings(definition, {})).toEqual({ ok: true, settings: { priorities: DEFAULT_PRIORITIES, approachingWithinHours: 24 } });
  });

  it('refuse a priority code given twice, naming where', () => {
    const priorities = [
      { code: 'emergency', name: 'Emergency', target: { hours: 4 }, emergency: true, hactPriority: 1 },
      { code: 'routine', name: 'Routine', target: { workingDays: 20 }, emergency: false, hactPriority: 3 },
      { code: 'emergency', name: 'Out of hours', target: { hours: 2 }, emergency: true, hactPriority: 1 },
    ];
    expect(resolveModuleSettings(definition, { priorities })).toEqual({
      ok: false,
      problems: [{ path: '/priorities/2/code', message: '"emergency" is already the code of priority 1' }],
    });
  });

  it('refuse a target that is neither hours nor working days', () => {
    const priorities = [{ code: 'soon', name: 'Soon', target: { weeks: 2 }, emergency: false, hactPriority: 3 }];
    expect(resolveModuleSettings(definition, { priorities }).ok).toBe(false);
  });
});

import { Injectable } from '@nestjs/common';
import {
  ModuleEnablement, ModuleRegistry, SettingsConfigurationKind, objectSchema, removedCodesWarning, underPrefix, withoutDefault, type ConfigurationContent, type ConfigurationItem, type ConfigurationWarning, type Extracted, type ModuleSettingsValues as Settings,
} from '@hearth/platform-kernel';

type StageAction = { kind: 'letter'; template: string } | { kind: 'task'; description: string; dueInWorkingDays: number };

interface Stage {
  code: string;
  name: string;
  weeksOfRent: number;
  minimumPence: number;
  actions: StageAction[];
}

type LetterTemplates = Record<string, { en: unknown; cy: unknown }>;

interface StagePlanContent extends ConfigurationContent {
  stages: Stage[];
  /** The letters the stages send, so the plan works for a member who has none of them. */
  letterTemplates: LetterTemplates;
}

interface RentPlan extends Settings {
  recoveryStages: Stage[];
  letterTemplates: LetterTemplates;
}

/**
 * The arrears recovery stages (thresholds, letters, tasks) with the letter templates they send.
 * Copying replaces the stages and adds or replaces those letters; other letters are left alone.
 */
@Injectable()
export class ArrearsStagePlanKind extends SettingsConfigurationKind {
  readonly key = 'arrears-stage-plan';
  readonly name = 'Arrears stage plan';
  readonly description = 'The stages of arrears recovery, each with its threshold and the letters and tasks it brings, with those letters.';
  readonly module = 'rent';

  constructor(enablement: ModuleEnablement, registry: ModuleRegistry) {
    super(enablement, registry);
  }

  contentSchema() {
    const { recoveryStages, letterTemplates } = this.moduleSchema()['properties'];
    return objectSchema({ stages: { ...withoutDefault(recoveryStages), minItems: 1 }, letterTemplates: withoutDefault(letterTemplates) });
  }

  async extract(): Promise<Extracted> {
    const { recoveryStages, letterTemplates } = await this.read<RentPlan>();
    if (!recoveryStages.length) return { problem: { path: '/stages', message: 'You have no arrears recovery stages to publish' } };
    const sent = [...new Set(recoveryStages.flatMap((stage) => stage.actions.flatMap((a) => (a.kind === 'letter' ? [a.template] : []))))];
    const letters = Object.fromEntries(sent.filter((code) => letterTemplates[code]).map((code) => [code, letterTemplates[code]]));
    return { content: { stages: recoveryStages, letterTemplates: letters } };
  }

  async current(content: ConfigurationContent): Promise<StagePlanContent> {
    const { recoveryStages, letterTemplates } = await this.read<RentPlan>();
    const codes = Object.keys((content as StagePlanContent).letterTemplates ?? {});
    return { stages: recoveryStages, letterTemplates: Object.fromEntries(codes.filter((code) => letterTemplates[code]).map((code) => [code, letterTemplates[code]])) };
  }

  items(content: ConfigurationContent): ConfigurationItem[] {
    const { stages, letterTemplates } = content as StagePlanContent;
    return [
      ...stages.map((s, i) => ({
        key: `stage:${s.code}`,
        fields: { position: i + 1, name: s.name, weeksOfRent: s.weeksOfRent, minimumPence: s.minimumPence, actions: s.actions },
      })),
      ...Object.entries(letterTemplates).map(([code, letter]) => ({ key: `letter:${code}`, fields: { en: letter.en, cy: letter.cy } })),
    ];
  }

  warnings(before: ConfigurationContent | undefined, after: ConfigurationContent): ConfigurationWarning[] {
    const codes = (content: ConfigurationContent | undefined) => ((content as StagePlanContent | undefined)?.stages ?? []).map((s) => s.code);
    return removedCodesWarning('STAGE_REMOVED', codes(before), codes(after), (removed) =>
      `Your stages ${removed} would go: accounts at them leave them at the next recovery run and enter the stage of the new plan their arrears reach.`);
  }

  protected merge(settings: Settings, content: ConfigurationContent): Settings {
    const { stages, letterTemplates } = content as StagePlanContent;
    return { ...settings, recoveryStages: stages, letterTemplates: { ...(settings as RentPlan).letterTemplates, ...letterTemplates } };
  }

  protected contentPath(path: string): string | undefined {
    return underPrefix(path, '/recoveryStages', '/stages') ?? underPrefix(path, '/letterTemplates', '/letterTemplates');
  }
}

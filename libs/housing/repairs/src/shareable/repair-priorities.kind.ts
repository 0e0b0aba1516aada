import { Injectable } from '@nestjs/common';
import {
  ModuleEnablement, ModuleRegistry, SettingsConfigurationKind, objectSchema, removedCodesWarning, withoutDefault, type ConfigurationContent, type ConfigurationItem, type ConfigurationWarning, type Extracted, type ModuleSettingsValues as Settings,
} from '@hearth/platform-kernel';

/** A priority as repairs settings hold it (the repairs module's settings schema is the authority). */
interface Priority {
  code: string;
  name: string;
  target: { hours: number } | { workingDays: number };
  emergency: boolean;
  hactPriority: number;
}

interface PrioritiesContent extends ConfigurationContent {
  priorities: Priority[];
  approachingWithinHours: number;
}

/** The repairs priority matrix: each priority with its target, and the warning window before targets. Copying replaces both. */
@Injectable()
export class RepairPrioritiesKind extends SettingsConfigurationKind {
  readonly key = 'repair-priorities';
  readonly name = 'Repairs priorities and targets';
  readonly description = 'The priorities repairs are triaged into, each with its target, and how long before a target open work orders are flagged.';
  readonly module = 'repairs';

  constructor(enablement: ModuleEnablement, registry: ModuleRegistry) {
    super(enablement, registry);
  }

  contentSchema() {
    const { priorities, approachingWithinHours } = this.moduleSchema()['properties'];
    return objectSchema({ priorities: withoutDefault(priorities), approachingWithinHours: withoutDefault(approachingWithinHours) });
  }

  async extract(): Promise<Extracted> {
    return { content: await this.current() };
  }

  async current(): Promise<PrioritiesContent> {
    const { priorities, approachingWithinHours } = await this.read<PrioritiesContent>();
    return { priorities, approachingWithinHours };
  }

  items(content: ConfigurationContent): ConfigurationItem[] {
    const { priorities, approachingWithinHours } = content as PrioritiesContent;
    return [
      ...priorities.map((p, i) => ({
        key: `priority:${p.code}`,
        fields: { position: i + 1, name: p.name, target: p.target, emergency: p.emergency, hactPriority: p.hactPriority },
      })),
      { key: 'approachingWithinHours', fields: { hours: approachingWithinHours } },
    ];
  }

  warnings(before: ConfigurationContent | undefined, after: ConfigurationContent): ConfigurationWarning[] {
    const codes = (content: ConfigurationContent | undefined) => ((content as PrioritiesContent | undefined)?.priorities ?? []).map((p) => p.code);
    return removedCodesWarning('PRIORITY_REMOVED', codes(before), codes(after), (removed) =>
      `Your priorities ${removed} would go: work orders and SOR codes that name them keep the code, which would no longer be one of your priorities.`);
  }

  protected merge(settings: Settings, content: ConfigurationContent): Settings {
    const { priorities, approachingWithinHours } = content as PrioritiesContent;
    return { ...settings, priorities, approachingWithinHours };
  }

  protected contentPath(path: string): string | undefined {
    return path.startsWith('/priorities') || path.startsWith('/approachingWithinHours') ? path : undefined;
  }
}

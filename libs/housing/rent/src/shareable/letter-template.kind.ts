import { Injectable } from '@nestjs/common';
import {
  ModuleEnablement, ModuleRegistry, SettingsConfigurationKind, objectSchema, pointerKey, underPrefix, type ConfigurationContent, type ConfigurationItem, type ConfigurationProblem, type Extracted, type ModuleSettingsValues as Settings,
} from '@hearth/platform-kernel';

interface Letter {
  subject: string;
  body: string;
}

interface LetterTemplate {
  en: Letter;
  cy: Letter;
}

interface LetterContent extends ConfigurationContent, LetterTemplate {
  code: string;
}

interface RentLetters extends Settings {
  letterTemplates: Record<string, LetterTemplate>;
}

/** One arrears letter in English and Welsh, from the rent settings' letter templates, by its code. Copying adds or replaces that one template. */
@Injectable()
export class LetterTemplateKind extends SettingsConfigurationKind {
  readonly key = 'letter-template';
  readonly name = 'Letter template';
  readonly description = 'An arrears letter in English and Welsh, with its {{placeholders}}.';
  readonly module = 'rent';
  override readonly subjectName = 'letter template';

  constructor(enablement: ModuleEnablement, registry: ModuleRegistry) {
    super(enablement, registry);
  }

  private letterTemplates() {
    return this.moduleSchema()['properties']['letterTemplates'];
  }

  contentSchema() {
    const templates = this.letterTemplates();
    const letter = templates.additionalProperties.properties;
    return objectSchema({ code: templates.propertyNames, en: letter.en, cy: letter.cy });
  }

  override async subjects(): Promise<string[]> {
    return Object.keys((await this.read<RentLetters>()).letterTemplates).sort();
  }

  async extract(subject: string | undefined): Promise<Extracted> {
    if (!subject) return { problem: { path: 'subject', message: 'Choose the letter template to publish' } };
    const template = (await this.read<RentLetters>()).letterTemplates[subject];
    if (!template) return { problem: { path: 'subject', message: `You have no letter template "${subject}"` } };
    return { content: { code: subject, en: template.en, cy: template.cy } };
  }

  override defaultTarget(content: ConfigurationContent): string {
    return (content as LetterContent).code;
  }

  async current(content: ConfigurationContent, target: string | undefined): Promise<LetterContent | undefined> {
    const code = target ?? (content as LetterContent).code;
    const template = (await this.read<RentLetters>()).letterTemplates[code];
    return template && { code, en: template.en, cy: template.cy };
  }

  items(content: ConfigurationContent): ConfigurationItem[] {
    const { en, cy } = content as LetterContent;
    return [
      { key: 'en', fields: { subject: en.subject, body: en.body } },
      { key: 'cy', fields: { subject: cy.subject, body: cy.body } },
    ];
  }

  override async validate(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]> {
    return this.badCode(content, target) ?? super.validate(content, target);
  }

  override async apply(content: ConfigurationContent, target: string | undefined): Promise<ConfigurationProblem[]> {
    return this.badCode(content, target) ?? super.apply(content, target);
  }

  /** A code the settings would refuse as a key, said about the code rather than the whole of the letter templates. */
  private badCode(content: ConfigurationContent, target: string | undefined): ConfigurationProblem[] | undefined {
    const code = target ?? (content as LetterContent).code;
    const pattern = new RegExp(this.letterTemplates().propertyNames.pattern);
    if (pattern.test(code)) return undefined;
    return [{ path: '/code', message: `"${code}" is not a letter template code: lower-case letters, digits and underscores, starting with a letter` }];
  }

  protected merge(settings: Settings, content: ConfigurationContent, target: string | undefined): Settings {
    const { code, en, cy } = content as LetterContent;
    const templates = (settings as RentLetters).letterTemplates;
    return { ...settings, letterTemplates: { ...templates, [target ?? code]: { en, cy } } };
  }

  protected contentPath(path: string, target: string | undefined): string | undefined {
    return target === undefined ? undefined : underPrefix(path, `/letterTemplates/${pointerKey(target)}`, '');
  }
}

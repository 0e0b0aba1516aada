import type { SHARED_CONFIGURATIONS_TEXT } from '../shared-configurations.text';

/** The words of one language. */
export type Text = (typeof SHARED_CONFIGURATIONS_TEXT)['en'];

/** Content as each kind shapes it (the API's kinds' content schemas are the authority). */
export interface Priority {
  code: string;
  name: string;
  target: { hours?: number; workingDays?: number };
  emergency: boolean;
  hactPriority: number;
}

export interface PrioritiesContent {
  priorities: Priority[];
  approachingWithinHours: number;
}

export interface SorLine {
  code: string;
  description: string;
  trade: string;
  defaultPriority: string;
  costPence: number;
  standardMinutes: number;
}

export interface Letter {
  subject: string;
  body: string;
}

export interface LetterContent {
  code: string;
  en: Letter;
  cy: Letter;
}

export type StageAction = { kind: 'letter'; template: string } | { kind: 'task'; description: string; dueInWorkingDays: number };

export interface Stage {
  code: string;
  name: string;
  weeksOfRent: number;
  minimumPence: number;
  actions: StageAction[];
}

export interface StagePlanContent {
  stages: Stage[];
  letterTemplates: Record<string, { en: Letter; cy: Letter }>;
}

export function kindName(t: Text, key: string, fallback?: string): string {
  return t.kinds[key] ?? fallback ?? key;
}

export function moduleName(t: Text, key: string, fallback?: string): string {
  return t.modules[key] ?? fallback ?? key;
}

/** A member's name in the reader's language, where it has one. */
export function memberName(member: { name: string; nameCy: string | null }, language: 'en' | 'cy'): string {
  return language === 'cy' && member.nameCy ? member.nameCy : member.name;
}

export function targetText(t: Text, target: Priority['target']): string {
  return target.hours !== undefined ? t.hours(target.hours) : t.workingDays(target.workingDays ?? 0);
}

/** What one item of a change list is (`priority:emergency`, a SOR code, `en`), in words. */
export function itemLabel(t: Text, kind: string, item: string): string {
  const [prefix, ...rest] = item.split(':');
  const code = rest.join(':');
  if (code && prefix === 'priority') return t.items.priority(code);
  if (code && prefix === 'stage') return t.items.stage(code);
  if (code && prefix === 'letter') return t.items.letter(code);
  if (item === 'approachingWithinHours') return t.items.approachingWithinHours;
  if (kind === 'letter-template' && (item === 'en' || item === 'cy')) return t.items[item];
  return kind === 'sor-set' ? t.items.sor(item) : item;
}

export function fieldsText(t: Text, fields: readonly string[]): string {
  return fields.map((field) => t.fields[field] ?? field).join(', ');
}

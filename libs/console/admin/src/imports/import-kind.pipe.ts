import { inject, Pipe, type PipeTransform } from '@angular/core';
import { SessionStore, translate } from '@hearth/console-core';
import { IMPORTS_TEXT } from './imports.text';

/**
 * Names a kind of import file in the reader's words; tenancies by the member's law (occupation
 * contracts in Wales). Call in an injection context.
 */
export function injectImportKindName(): (kind: string) => string {
  const t = translate(IMPORTS_TEXT);
  const session = inject(SessionStore);
  return (kind) => (kind === 'tenancies' ? session.terms().Tenancies : (t().kinds[kind] ?? kind));
}

// Impure, so the name follows a language switch.
@Pipe({ name: 'importKind', pure: false })
export class ImportKindPipe implements PipeTransform {
  private readonly name = injectImportKindName();

  transform(kind: string): string {
    return this.name(kind);
  }
}

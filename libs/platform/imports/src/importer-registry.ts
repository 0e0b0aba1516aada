import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ModuleRegistry, type HearthModuleDefinition, type Importer } from '@hearth/platform-kernel';

export interface RegisteredImporter {
  importer: Importer;
  /** The module whose tables it writes; while that module is off for a member, so is the import. */
  module: HearthModuleDefinition;
}

const KIND = /^[a-z][a-z0-9-]*$/;
/** Column names become SQL identifiers in the staging table, so they are held to this. */
const COLUMN = /^[a-z][a-z0-9_]*$/;

/** Every installed module's importers, by kind. A bad declaration stops startup. */
@Injectable()
export class ImporterRegistry implements OnModuleInit {
  private byKind?: Map<string, RegisteredImporter>;

  constructor(
    private readonly modules: ModuleRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.load();
  }

  get(kind: string): RegisteredImporter | undefined {
    return this.load().get(kind);
  }

  all(): RegisteredImporter[] {
    return [...this.load().values()];
  }

  /** Importers are providers of their own modules: every provider exists by the time modules initialise. */
  private load(): Map<string, RegisteredImporter> {
    if (this.byKind) return this.byKind;
    const byKind = new Map<string, RegisteredImporter>();
    for (const module of this.modules.all()) {
      for (const type of module.importers ?? []) {
        const importer = this.moduleRef.get<Importer>(type, { strict: false });
        assertWellDeclared(importer, module.key);
        if (byKind.has(importer.kind)) throw new Error(`Two importers declare the kind "${importer.kind}"`);
        byKind.set(importer.kind, { importer, module });
      }
    }
    this.byKind = byKind;
    return byKind;
  }
}

function assertWellDeclared(importer: Importer, moduleKey: string): void {
  const where = `Importer "${importer.kind}" of module "${moduleKey}"`;
  if (!KIND.test(importer.kind)) throw new Error(`${where}: the kind must be lower-case words joined by hyphens`);
  const names = new Set<string>();
  for (const column of importer.columns) {
    if (!COLUMN.test(column.name)) throw new Error(`${where}: column "${column.name}" must be lower-case words joined by underscores`);
    if (names.has(column.name)) throw new Error(`${where}: column "${column.name}" is declared twice`);
    names.add(column.name);
  }
  for (const check of importer.checks) {
    if (!names.has(check.column)) throw new Error(`${where}: a check reports against "${check.column}", which is not one of its columns`);
  }
}

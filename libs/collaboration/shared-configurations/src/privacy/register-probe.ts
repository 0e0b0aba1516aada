import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ModuleRegistry, type PrivateDataProbe, type PrivateDataProbeFinding } from '@hearth/platform-kernel';
import type { PrivateDataFinding, Text } from './private-data';

/**
 * The member's own people, accounts and occupied homes, looked for in text about to be
 * published: the names and addresses a letter template could carry from a real case. The library
 * reads none of those tables: each module that holds such data declares a probe
 * (`privateDataProbes` in its @HearthModule) that looks in its own tables, set-based and under the
 * member's row-level security, and this asks every installed module's probes.
 *
 * Every installed module's probes run, whether or not the member has the module on now: a member
 * that switches a module off keeps its rows, and they are no less private for it.
 */
@Injectable()
export class RegisterProbe implements OnModuleInit {
  private probes?: PrivateDataProbe[];

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: ModuleRegistry,
  ) {}

  onModuleInit(): void {
    this.load();
  }

  /** The first of `texts` (in their order) that names one of the member's people, accounts or occupied homes. */
  async find(texts: readonly Text[]): Promise<PrivateDataFinding | undefined> {
    if (!texts.length) return undefined;
    let first: PrivateDataProbeFinding | undefined;
    // One after another: they share the unit of work's connection.
    for (const probe of this.load()) {
      const finding = await probe.find(texts);
      if (finding && (!first || finding.index < first.index)) first = finding;
    }
    return first && { path: first.path, kind: first.kind, found: first.found };
  }

  /** Probes are providers of their own modules: every provider exists by the time modules initialise. */
  private load(): PrivateDataProbe[] {
    this.probes ??= this.registry
      .all()
      .flatMap((module) => (module.privateDataProbes ?? []).map((type) => this.moduleRef.get<PrivateDataProbe>(type, { strict: false })));
    return this.probes;
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { contentHash, diffItems } from './content';
import { checkContent } from './kinds/content-schema';
import type { ConfigurationContent, ConfigurationKindHandler as Kind } from './kinds/configuration-kind';
import {
  ConfigurationAdoption,
  SharedConfigurationChange,
  SharedConfigurationInvalid,
  SharedConfigurationModuleOff,
  SharedConfigurationNotFound,
  SharedConfigurationPreview,
  SharedConfigurationWarning,
  SharedConfigurationWithdrawn,
  type ConfigurationAdoptionConnection,
  type SharedConfiguration,
} from './shared-configuration.model';
import { SharedConfigurationService } from './shared-configuration.service';
import type { ConfigurationAdoptionInput } from './dto/shared-configuration.input';
import { SharedConfigurationsEvent } from './shared-configurations.permissions';

interface AdoptionRow {
  id: string;
  shared_configuration_id: string;
  lineage_id: string;
  kind: string;
  target: string | null;
  applied_content: Record<string, unknown>;
  applied_hash: string;
  adapted_on_copy: boolean;
  adopted_by: string;
  adopted_at: Date;
}

const SAVEPOINT = 'shared_configuration_adopt';

/** The copy the member is about to make: the version, its kind, the content (checked for shape) and where it goes. */
interface Copy {
  source: SharedConfiguration;
  kind: Kind;
  content: ConfigurationContent;
  target: string | undefined;
}

type Refusal = SharedConfigurationNotFound | SharedConfigurationWithdrawn | SharedConfigurationModuleOff | SharedConfigurationInvalid;

/**
 * Copying from the library into the member's own configuration, and the member's record of
 * what it copied. The record is the member's own (tenant-owned); the rows it names are shared.
 */
@Injectable()
export class ConfigurationAdoptionService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly library: SharedConfigurationService,
  ) {}

  /** What copying would change in the member's configuration, and what its owning module would refuse. Nothing is changed. */
  async preview(id: string, content: Record<string, unknown> | undefined, target: string | undefined): Promise<SharedConfigurationPreview | Refusal> {
    const copy = await this.prepare(id, content, target);
    if (!('kind' in copy)) return copy;
    const before = await copy.kind.current(copy.content, copy.target);
    const changes = diffItems(before ? copy.kind.items(before) : [], copy.kind.items(copy.content));
    const problems = await copy.kind.validate(copy.content, copy.target);
    return Object.assign(new SharedConfigurationPreview(), {
      source: copy.source,
      target: copy.target ?? null,
      before: before ?? null,
      after: copy.content,
      adapted: contentHash(copy.content) !== copy.source.contentHash,
      changes: changes.map((change) => Object.assign(new SharedConfigurationChange(), change)),
      warnings: (copy.kind.warnings?.(before, copy.content) ?? []).map(SharedConfigurationWarning.of),
      problems: problems.map((p) => InputProblem.of(p.path, p.message)),
    });
  }

  /**
   * Copies a shared configuration (or the member's adaptation of it) into the member's own,
   * all or nothing: the owning module applies it by its own rules, and if it refuses, the
   * member's configuration, the record and the audit are as they were.
   */
  async adopt(input: ConfigurationAdoptionInput): Promise<ConfigurationAdoption | Refusal> {
    const copy = await this.prepare(input.sharedConfigurationId, input.content, input.target);
    if (!('kind' in copy)) return copy;
    const { source, kind, content, target } = copy;
    await this.transactions.query(`savepoint ${SAVEPOINT}`);
    try {
      const problems = await kind.apply(content, target);
      if (problems.length) {
        await this.transactions.query(`rollback to savepoint ${SAVEPOINT}`);
        return SharedConfigurationInvalid.of(problems);
      }
      // What was written, as the member's configuration now holds it: what "adapted since" compares with.
      const applied = (await kind.current(content, target)) ?? content;
      const context = hearthContext.require();
      const actor = context.actor!;
      const [row] = await this.transactions.query<AdoptionRow>(
        `insert into hearth.configuration_adoption
           (tenant_id, shared_configuration_id, lineage_id, kind, target, applied_content, applied_hash, adapted_on_copy, adopted_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         returning *`,
        [context.requireTenantId(), source.id, source.lineageId, kind.key, target ?? null, JSON.stringify(applied), contentHash(applied),
          contentHash(content) !== source.contentHash, actor.name ?? actor.username ?? actor.id],
      );
      const adoption = toAdoption(row);
      const summary = { id: adoption.id, sharedConfigurationId: source.id, lineageId: source.lineageId, kind: kind.key, version: source.version, target: adoption.target, adaptedOnCopy: adoption.adaptedOnCopy };
      await this.audit.record({ operation: 'adoptSharedConfiguration', targetType: 'configuration_adoption', targetId: adoption.id, after: summary });
      await this.outbox.publish({ type: SharedConfigurationsEvent.Adopted, aggregateType: 'configuration_adoption', aggregateId: adoption.id, payload: summary });
      await this.transactions.query(`release savepoint ${SAVEPOINT}`);
      return adoption;
    } catch (error) {
      await this.transactions.query(`rollback to savepoint ${SAVEPOINT}`).catch(() => undefined);
      throw error;
    }
  }

  /** The member's copies, newest first, paged by (adopted_at, id). */
  async list(args: PageArgs): Promise<ConfigurationAdoptionConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [at, id] = decodeTimeCursor(args.after);
      params.push(at, id);
      after = 'where (adopted_at, id) < ($2::timestamptz, $3::uuid)';
    }
    const rows = await this.transactions.query<AdoptionRow & { cursor_key: string }>(
      `select *, adopted_at::text as cursor_key from hearth.configuration_adoption ${after} order by adopted_at desc, id desc limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.configuration_adoption`);
    const connection = toConnection(rows, args, total, (row) => [row.cursor_key, row.id]);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toAdoption(edge.node) })) };
  }

  /** The member's newest copy of each piece asked for (any version of it), or null. */
  async latestOf(lineageIds: readonly string[]): Promise<(ConfigurationAdoption | null)[]> {
    const rows = await this.transactions.query<AdoptionRow>(
      `select distinct on (lineage_id) * from hearth.configuration_adoption where lineage_id = any($1::uuid[]) order by lineage_id, adopted_at desc, id desc`,
      [lineageIds],
    );
    const byLineage = new Map(rows.map((row) => [row.lineage_id, toAdoption(row)]));
    return lineageIds.map((lineage) => byLineage.get(lineage) ?? null);
  }

  /** Whether the member has changed what it copied since: its configuration now differs from what was applied. */
  async adaptedSince(adoption: ConfigurationAdoption): Promise<boolean> {
    const kind = this.library.kindOf(adoption.kindKey);
    if (!kind) return false;
    const now = await kind.current(adoption.content, adoption.target ?? undefined);
    return contentHash(now ?? null) !== adoption.appliedHash;
  }

  private async prepare(id: string, content: Record<string, unknown> | undefined, target: string | undefined): Promise<Copy | Refusal> {
    const source = await this.library.find(id);
    if (!source) return SharedConfigurationNotFound.of(`There is no shared configuration ${id}`);
    if (source.withdrawnAt) return SharedConfigurationWithdrawn.of(source.withdrawnAt);
    const kind = this.library.kindOf(source.kindKey);
    if (!kind) return SharedConfigurationNotFound.of(`This deployment has no module that takes a ${source.kindKey}`);
    const off = await this.library.moduleOff(kind, `Copying a ${kind.name.toLowerCase()}`);
    if (off) return off;
    const checked = checkContent(kind, content ?? source.content);
    if (!checked.ok) return SharedConfigurationInvalid.of(checked.problems);
    return { source, kind, content: checked.content, target: target ?? kind.defaultTarget(checked.content) };
  }
}

function toAdoption(row: AdoptionRow): ConfigurationAdoption {
  return Object.assign(new ConfigurationAdoption(), {
    id: row.id,
    kindKey: row.kind,
    sourceId: row.shared_configuration_id,
    target: row.target,
    content: row.applied_content,
    adaptedOnCopy: row.adapted_on_copy,
    adoptedBy: row.adopted_by,
    adoptedAt: row.adopted_at,
    appliedHash: row.applied_hash,
  });
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog, hearthContext, Outbox, TenantEntity, TransactionManager } from '@hearth/platform-database';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { Member, ModuleEnablement, ModuleRegistry } from '@hearth/platform-kernel';
import { compareVersions, contentHash } from './content';
import { checkContent } from './kinds/content-schema';
import type { ConfigurationContent, ConfigurationKindHandler as Kind } from './kinds/configuration-kind';
import { ConfigurationKinds } from './kinds/configuration-kinds';
import { describeFinding, findPrivatePattern, textsOf, type PrivateDataFinding, type Text } from './privacy/private-data';
import { RegisterProbe } from './privacy/register-probe';
import {
  ConfigurationKind,
  SharedConfiguration,
  SharedConfigurationDraft,
  SharedConfigurationInvalid,
  SharedConfigurationModuleOff,
  SharedConfigurationNotFound,
  SharedConfigurationNotPublisher,
  SharedConfigurationRefused,
  SharedConfigurationVersionConflict,
  SharedConfigurationWithdrawn,
  type SharedConfigurationConnection,
  type SharedConfigurationRow,
} from './shared-configuration.model';
import type { SharedConfigurationFilter, SharedConfigurationPublishInput } from './dto/shared-configuration.input';
import { SharedConfigurationsEvent } from './shared-configurations.permissions';

/** Every column of a shared row, and whether it is the newest version of its piece. */
const COLUMNS = `s.id, s.organisation_id, s.lineage_id, s.kind, s.subject, s.title, s.description, s.version, s.content,
  s.content_hash, s.published_by, s.published_at, s.withdrawn_at, s.withdrawn_by,
  s.version_order = (select max(v.version_order) from hearth.shared_configuration v where v.lineage_id = s.lineage_id) as latest`;

type Drafted = { content: ConfigurationContent } | SharedConfigurationModuleOff | SharedConfigurationInvalid | SharedConfigurationRefused;

/**
 * The shared library: what members publish, version by version, and read. Every member reads
 * every row and guests none, by the table's policies; this service adds what policies cannot
 * say: content comes only from the kind's extract, and nothing private is published.
 */
@Injectable()
export class SharedConfigurationService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly kinds: ConfigurationKinds,
    private readonly enablement: ModuleEnablement,
    private readonly registry: ModuleRegistry,
    private readonly probe: RegisterProbe,
  ) {}

  kindModels(): ConfigurationKind[] {
    return this.kinds.all().map((kind) => this.kindModel(kind));
  }

  kindModel(kind: Kind): ConfigurationKind {
    return ConfigurationKind.from(kind, this.registry.get(kind.module)!.name);
  }

  /** The kind by key; one whose module this deployment no longer installs is still named (its rows stay readable, never copyable). */
  kindModelOf(key: string): ConfigurationKind {
    const kind = this.kinds.get(key);
    if (kind) return this.kindModel(kind);
    return Object.assign(new ConfigurationKind(), { key, name: key, description: '', module: '', moduleName: '', subjectName: null, contentSchema: {} });
  }

  kindOf(key: string): Kind | undefined {
    return this.kinds.get(key);
  }

  /** Whether the member has the kind's owning module on. */
  async available(kind: Kind): Promise<boolean> {
    return (await this.enablement.enabledKeys()).has(kind.module);
  }

  async moduleOff(kind: Kind, doing: string): Promise<SharedConfigurationModuleOff | undefined> {
    if (await this.available(kind)) return undefined;
    return SharedConfigurationModuleOff.of(kind.module, this.registry.get(kind.module)!.name, doing);
  }

  /**
   * The library, one row per piece: its newest version that is not withdrawn (or its newest,
   * with includeWithdrawn), newest publication first, paged by (published_at, id).
   */
  async list(filter: SharedConfigurationFilter, args: PageArgs): Promise<SharedConfigurationConnection> {
    const params: unknown[] = [filter.includeWithdrawn ?? false];
    const where: string[] = [];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.publisherId) where.push(`organisation_id = $${params.push(filter.publisherId)}::uuid`);
    for (const word of (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      where.push(`strpos(lower(title || ' ' || description), $${params.push(word)}) > 0`);
    }
    const pieces = `
      with piece as (
        select distinct on (s.lineage_id) ${COLUMNS}
        from hearth.shared_configuration s
        where $1 or s.withdrawn_at is null
        order by s.lineage_id, s.version_order desc
      )
      select * from piece ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from (${pieces}) p`, params);
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    let after = '';
    if (args.after) {
      const [at, id] = decodeTimeCursor(args.after);
      after = `where (published_at, id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`;
    }
    const rows = await this.transactions.query<SharedConfigurationRow & { cursor_key: string }>(
      `select *, published_at::text as cursor_key from (${pieces}) p ${after} order by published_at desc, id desc limit $${params.push(first + 1)}`,
      params,
    );
    const connection = toConnection(rows, args, total, (row) => [row.cursor_key, row.id]);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: SharedConfiguration.from(edge.node) })) };
  }

  async find(id: string): Promise<SharedConfiguration | null> {
    const [row] = await this.findMany([id]);
    return row ?? null;
  }

  /** Rows by id, in the order asked, null for an id no member published (or one a guest asks for). */
  async findMany(ids: readonly string[]): Promise<(SharedConfiguration | null)[]> {
    const rows = await this.transactions.query<SharedConfigurationRow>(`select ${COLUMNS} from hearth.shared_configuration s where s.id = any($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, SharedConfiguration.from(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Every version of each piece asked for, newest first. */
  async versionsOf(lineageIds: readonly string[]): Promise<SharedConfiguration[][]> {
    const rows = await this.transactions.query<SharedConfigurationRow>(
      `select ${COLUMNS} from hearth.shared_configuration s where s.lineage_id = any($1::uuid[]) order by s.version_order desc`,
      [lineageIds],
    );
    return lineageIds.map((lineage) => rows.filter((row) => row.lineage_id === lineage).map(SharedConfiguration.from));
  }

  /** The publishing members, by id (the member directory is readable by every member). */
  async publishers(ids: readonly string[]): Promise<(Member | null)[]> {
    const members = await (await this.transactions.repository(TenantEntity)).createQueryBuilder('t').where('t.id = any(:ids)', { ids }).getMany();
    const byId = new Map(members.map((member) => [member.id, Member.from(member)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** What publishing the kind would publish, checked as publishing checks it; nothing is written. */
  async draft(kindKey: string, subject: string | undefined): Promise<SharedConfigurationDraft | Exclude<Drafted, { content: ConfigurationContent }>> {
    const kind = this.kinds.get(kindKey);
    if (!kind) return unknownKind(kindKey);
    const drafted = await this.drafted(kind, subject, []);
    if (!('content' in drafted)) return drafted;
    return Object.assign(new SharedConfigurationDraft(), { kind: this.kindModel(kind), subject: subject ?? null, content: drafted.content });
  }

  async publish(input: SharedConfigurationPublishInput): Promise<
    SharedConfiguration | Exclude<Drafted, { content: ConfigurationContent }> | SharedConfigurationNotFound | SharedConfigurationNotPublisher | SharedConfigurationVersionConflict
  > {
    const context = hearthContext.require();
    const tenantId = context.requireTenantId();
    const kind = this.kinds.get(input.kind);
    if (!kind) return unknownKind(input.kind);

    let lineageId: string | undefined;
    if (input.newVersionOf) {
      const earlier = await this.find(input.newVersionOf);
      if (!earlier) return SharedConfigurationNotFound.of(`There is no shared configuration ${input.newVersionOf}`);
      if (earlier.publisherId !== tenantId) return SharedConfigurationNotPublisher.of();
      if (earlier.kindKey !== kind.key) {
        return SharedConfigurationInvalid.of([{ path: 'kind', message: `A new version of "${earlier.title}" must be a ${this.kinds.get(earlier.kindKey)?.name ?? earlier.kindKey} too` }]);
      }
      lineageId = earlier.lineageId;
      // One new version of a piece at a time, so two publishers cannot both take the next number.
      await this.transactions.query(`select pg_advisory_xact_lock(hashtextextended('hearth.shared_configuration:' || $1, 0))`, [lineageId]);
      const [{ version: latest }] = await this.transactions.query<{ version: string }>(
        `select version from hearth.shared_configuration where lineage_id = $1 order by version_order desc limit 1`,
        [lineageId],
      );
      if (compareVersions(input.version, latest) <= 0) return SharedConfigurationVersionConflict.of(input.version, latest);
    }

    const drafted = await this.drafted(kind, input.subject, [
      { path: 'title', text: input.title },
      { path: 'description', text: input.description },
    ]);
    if (!('content' in drafted)) return drafted;

    const id = randomUUID();
    const actor = context.actor!;
    await this.transactions.query(
      `insert into hearth.shared_configuration
         (id, organisation_id, lineage_id, kind, subject, title, description, version, content, content_hash, published_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, tenantId, lineageId ?? id, kind.key, input.subject ?? null, input.title, input.description, input.version,
        JSON.stringify(drafted.content), contentHash(drafted.content), actor.name ?? actor.username ?? actor.id],
    );
    const published = (await this.find(id))!;
    const summary = { id, lineageId: published.lineageId, kind: kind.key, subject: published.subject, title: published.title, version: published.version };
    await this.audit.record({ operation: 'publishSharedConfiguration', targetType: 'shared_configuration', targetId: id, after: { ...summary, contentHash: published.contentHash } });
    await this.outbox.publish({ type: SharedConfigurationsEvent.Published, aggregateType: 'shared_configuration', aggregateId: id, payload: summary });
    return published;
  }

  async withdraw(id: string): Promise<SharedConfiguration | SharedConfigurationNotFound | SharedConfigurationNotPublisher | SharedConfigurationWithdrawn> {
    const context = hearthContext.require();
    const existing = await this.find(id);
    if (!existing) return SharedConfigurationNotFound.of(`There is no shared configuration ${id}`);
    if (existing.publisherId !== context.requireTenantId()) return SharedConfigurationNotPublisher.of();
    if (existing.withdrawnAt) return SharedConfigurationWithdrawn.of(existing.withdrawnAt);
    const actor = context.actor!;
    // The condition makes two withdrawals at once one success and one typed failure.
    const [withdrawn] = await this.transactions.query<{ id: string }>(
      `update hearth.shared_configuration set withdrawn_at = now(), withdrawn_by = $2 where id = $1 and withdrawn_at is null returning id`,
      [id, actor.name ?? actor.username ?? actor.id],
    );
    const after = (await this.find(id))!;
    if (!withdrawn) return SharedConfigurationWithdrawn.of(after.withdrawnAt!);
    await this.audit.record({
      operation: 'withdrawSharedConfiguration', targetType: 'shared_configuration', targetId: id,
      before: { withdrawnAt: null }, after: { withdrawnAt: after.withdrawnAt },
    });
    await this.outbox.publish({
      type: SharedConfigurationsEvent.Withdrawn, aggregateType: 'shared_configuration', aggregateId: id,
      payload: { id, lineageId: after.lineageId, kind: after.kindKey, version: after.version },
    });
    return after;
  }

  /**
   * The content to publish: taken from the member's configuration by the kind (never from the
   * client), shaped as its schema says, and holding nothing about people, tenancies, accounts or
   * homes: neither anything that looks like such data, nor any of this member's own.
   */
  private async drafted(kind: Kind, subject: string | undefined, texts: Text[]): Promise<Drafted> {
    const off = await this.moduleOff(kind, `Publishing a ${kind.name.toLowerCase()}`);
    if (off) return off;
    const extracted = await kind.extract(subject);
    if ('problem' in extracted) return SharedConfigurationInvalid.of([extracted.problem]);
    const checked = checkContent(kind, extracted.content);
    if (!checked.ok) return SharedConfigurationInvalid.of(checked.problems);
    const all = [...texts, ...textsOf(checked.content)];
    const finding = findPrivatePattern(all) ?? (await this.probe.find(all));
    return finding ? refused(finding) : { content: checked.content };
  }
}

function unknownKind(key: string): SharedConfigurationInvalid {
  return SharedConfigurationInvalid.of([{ path: 'kind', message: `There is no configuration kind "${key}"` }]);
}

function refused(finding: PrivateDataFinding): SharedConfigurationRefused {
  return Object.assign(new SharedConfigurationRefused(), {
    code: 'SHARED_CONFIGURATION_REFUSED',
    message: describeFinding(finding),
    path: finding.path,
    dataKind: finding.kind,
    found: finding.found,
  });
}

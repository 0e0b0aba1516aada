import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageArgs } from '@hearth/platform-graphql';
import type { AssetEntity, AssetKindValue } from './asset.entity';
import {
  Asset,
  AssetInvalid,
  AssetNotFound,
  AssetReference,
  AssetReferenceNotFound,
  DuplicateReference,
  DuplicateUprn,
  type AssetConnection,
} from './asset.model';
import { assetProblems, isUprn, referenceProblems, tidyAssetFields, tidyReferenceFields, type AssetFields } from './asset.rules';
import { AssetEvent } from './asset.permissions';
import type { AssetFilter } from './dto/asset-filter.input';
import type { CreateAssetInput, UpdateAssetInput } from './dto/asset.input';
import type { AddAssetReferenceInput, RemoveAssetReferenceInput } from './dto/asset-reference.input';

/** Each entity property and its column; the one map the SQL below is written from. */
const COLUMN_OF = {
  tenantId: 'tenant_id',
  id: 'id',
  kind: 'kind',
  parentId: 'parent_id',
  name: 'name',
  addressLine1: 'address_line_1',
  addressLine2: 'address_line_2',
  town: 'town',
  postcode: 'postcode',
  uprn: 'uprn',
  bedrooms: 'bedrooms',
  floor: 'floor',
  builtYear: 'built_year',
  heating: 'heating',
  liftAccess: 'lift_access',
  accessibility: 'accessibility',
  patch: 'patch',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<keyof AssetEntity, string>;

/** Selects an asset (aliased `a`) as an AssetEntity-shaped row. */
const COLUMNS = Object.entries(COLUMN_OF)
  .map(([property, column]) => `a.${column} as "${property}"`)
  .join(', ');

const WRITABLE = (Object.keys(COLUMN_OF) as (keyof AssetEntity)[]).filter(
  (property): property is keyof AssetFields => !['tenantId', 'id', 'createdAt', 'updatedAt'].includes(property),
);

const SEARCH_LENGTH = { min: 3, max: 100 };

/** Cursors of children connections: the same position whatever the parent. */
const CHILDREN_SCOPE = 'children';

type AssetFailure = AssetInvalid | AssetNotFound | DuplicateUprn;

/**
 * The asset register: reads for this module's resolvers and for the modules that depend on it
 * (batched, for DataLoaders), and every write, each validated, audited and announced.
 * No query names a member: row-level security shows only the current member's rows.
 */
@Injectable()
export class AssetService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** A page of assets in id order, keyed on an index for each filter (see the migration). */
  async list(filter: AssetFilter = {}, page: PageArgs = {}): Promise<AssetConnection> {
    const where = await this.conditionsOf(filter);
    // Scoping cursors to their query refuses one from another filter instead of silently skipping rows.
    const scope = createHash('sha256').update(JSON.stringify([where.sql, where.params])).digest('base64url').slice(0, 12);
    const after = page.after ? afterId(page.after, scope) : null;
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.asset a where ${where.sql}`,
      where.params,
    );
    if (after) where.add(`a.id > ${where.param(after)}`);
    const rows = await this.transactions.query<AssetEntity>(
      `select ${COLUMNS} from hearth.asset a where ${where.sql} order by a.id limit ${where.param((page.first ?? DEFAULT_PAGE_SIZE) + 1)}`,
      where.params,
    );
    return connectionOf(rows, page, total, scope);
  }

  async find(id: string): Promise<Asset | null> {
    return (await this.findByIds([id])).get(id) ?? null;
  }

  /** The assets with these ids that this member has, by id: for DataLoaders here and in dependent modules. */
  async findByIds(ids: readonly string[]): Promise<Map<string, Asset>> {
    const valid = ids.filter((id) => isUUID(id, 'loose'));
    if (!valid.length) return new Map();
    const rows = await this.transactions.query<AssetEntity>(`select ${COLUMNS} from hearth.asset a where a.id = any($1::uuid[])`, [valid]);
    return new Map(rows.map((row) => [row.id, Asset.from(row)]));
  }

  /** The asset another system knows by this reference. */
  async findByReference(system: string, reference: string): Promise<Asset | null> {
    const [row] = await this.transactions.query<AssetEntity>(
      `select ${COLUMNS} from hearth.asset_reference r join hearth.asset a on a.id = r.asset_id
       where r.system = $1 and r.reference = $2`,
      [system.trim(), reference.trim()],
    );
    return row ? Asset.from(row) : null;
  }

  /** The best matches for words from a name, address, postcode, UPRN or legacy reference, best first. */
  async search(text: string, first = DEFAULT_PAGE_SIZE): Promise<Asset[]> {
    const query = new Conditions();
    const hits = searchHits(query, searchText(text));
    const rows = await this.transactions.query<AssetEntity & { score: number }>(
      `select ${COLUMNS} from (
         select id, max(score) as score from (${hits}) as hit group by id order by score desc, id limit ${query.param(first)}
       ) as best join hearth.asset a on a.id = best.id
       order by best.score desc, a.id`,
      query.params,
    );
    return rows.map((row) => Asset.from(row));
  }

  /** The legacy references of each asset, by asset id. */
  async referencesOf(assetIds: readonly string[]): Promise<Map<string, AssetReference[]>> {
    const rows = await this.transactions.query<AssetReference & { assetId: string }>(
      `select asset_id as "assetId", system, reference, description from hearth.asset_reference
       where asset_id = any($1::uuid[]) order by system, reference`,
      [assetIds],
    );
    const byAsset = new Map(assetIds.map((id) => [id, [] as AssetReference[]]));
    for (const { assetId, ...reference } of rows) byAsset.get(assetId)?.push(Object.assign(new AssetReference(), reference));
    return byAsset;
  }

  /** One page of the children of each parent, by parent id: two statements however many parents. */
  async childrenOf(parentIds: readonly string[], page: PageArgs = {}): Promise<Map<string, AssetConnection>> {
    const query = new Conditions();
    const parents = query.param(parentIds);
    const after = page.after ? `and c.id > ${query.param(afterId(page.after, CHILDREN_SCOPE))}` : '';
    const rows = await this.transactions.query<AssetEntity>(
      `select ${COLUMNS} from unnest(${parents}::uuid[]) as parent (id)
       cross join lateral (
         select * from hearth.asset c where c.parent_id = parent.id ${after} order by c.id limit ${query.param((page.first ?? DEFAULT_PAGE_SIZE) + 1)}
       ) as a`,
      query.params,
    );
    const counts = await this.transactions.query<{ parentId: string; total: number }>(
      `select parent_id as "parentId", count(*)::int as total from hearth.asset where parent_id = any($1::uuid[]) group by parent_id`,
      [parentIds],
    );
    const totals = new Map(counts.map((c) => [c.parentId, c.total]));
    return new Map(
      parentIds.map((id) => [id, connectionOf(rows.filter((row) => row.parentId === id), page, totals.get(id) ?? 0, CHILDREN_SCOPE)]),
    );
  }

  async create(input: CreateAssetInput): Promise<Asset | AssetFailure> {
    const checked = await this.check(newFields(input), null);
    if (!isFields(checked)) return checked;
    const [row] = await this.transactions.query<AssetEntity>(
      `insert into hearth.asset as a (tenant_id, ${WRITABLE.map((f) => COLUMN_OF[f]).join(', ')})
       values ($1, ${WRITABLE.map((_, i) => `$${i + 2}`).join(', ')})
       returning ${COLUMNS}`,
      [hearthContext.require().requireTenantId(), ...WRITABLE.map((f) => checked[f])],
    );
    const asset = Asset.from(row);
    await this.audit.record({ operation: 'createAsset', targetType: 'asset', targetId: asset.id, after: asset });
    await this.outbox.publish({
      type: AssetEvent.Created,
      aggregateType: 'asset',
      aggregateId: asset.id,
      payload: { id: asset.id, kind: asset.kind, parentId: asset.parentId },
    });
    return asset;
  }

  /** Changes the fields given; one left out stays as it is, null clears it. An unchanged asset is not written. */
  async update(id: string, input: UpdateAssetInput): Promise<Asset | AssetFailure> {
    const current = await this.lock(id);
    if (!current) return AssetNotFound.of(id);
    const checked = await this.check({ ...fieldsOf(current), ...changedFields(input) }, id);
    if (!isFields(checked)) return checked;
    const changed = WRITABLE.filter((f) => JSON.stringify(checked[f]) !== JSON.stringify(current[f]));
    const before = Asset.from(current);
    if (!changed.length) return before;

    const [row] = await this.returning<AssetEntity>(
      `update hearth.asset as a set ${changed.map((f, i) => `${COLUMN_OF[f]} = $${i + 2}`).join(', ')}, updated_at = now()
       where a.id = $1 returning ${COLUMNS}`,
      [id, ...changed.map((f) => checked[f])],
    );
    const after = Asset.from(row);
    await this.audit.record({ operation: 'updateAsset', targetType: 'asset', targetId: id, before, after });
    await this.outbox.publish({ type: AssetEvent.Updated, aggregateType: 'asset', aggregateId: id, payload: { id, changed } });
    return after;
  }

  async addReference(input: AddAssetReferenceInput): Promise<Asset | AssetInvalid | AssetNotFound | DuplicateReference> {
    const reference = tidyReferenceFields({ system: input.system, reference: input.reference, description: input.description ?? null });
    const problems = referenceProblems(reference);
    if (problems.length) return AssetInvalid.of(problems);
    const current = await this.lock(input.assetId);
    if (!current) return AssetNotFound.of(input.assetId);
    const [holder] = await this.transactions.query<{ assetId: string }>(
      `select asset_id as "assetId" from hearth.asset_reference where system = $1 and reference = $2`,
      [reference.system, reference.reference],
    );
    if (holder) return DuplicateReference.of(reference.system, reference.reference, holder.assetId);

    await this.transactions.query(
      `insert into hearth.asset_reference (tenant_id, system, reference, asset_id, description) values ($1, $2, $3, $4, $5)`,
      [current.tenantId, reference.system, reference.reference, current.id, reference.description],
    );
    return this.recordReferenceChange('addAssetReference', current, { after: reference });
  }

  async removeReference(input: RemoveAssetReferenceInput): Promise<Asset | AssetNotFound | AssetReferenceNotFound> {
    const current = await this.lock(input.assetId);
    if (!current) return AssetNotFound.of(input.assetId);
    const [removed] = await this.returning<AssetReference>(
      `delete from hearth.asset_reference where asset_id = $1 and system = $2 and reference = $3
       returning system, reference, description`,
      [current.id, input.system.trim(), input.reference.trim()],
    );
    if (!removed) return AssetReferenceNotFound.of(current.id, input.system, input.reference);
    return this.recordReferenceChange('removeAssetReference', current, { before: removed });
  }

  /**
   * Checks a whole asset (after the change, for an update) and normalises its postcode. What only
   * the database knows is fetched in one statement; the postcode rule is PostgreSQL's own function.
   */
  private async check(fields: AssetFields, id: string | null): Promise<AssetFields | AssetFailure> {
    if (fields.parentId !== null && !isUUID(fields.parentId, 'loose')) return AssetNotFound.of(fields.parentId, 'parent');
    const [facts] = await this.transactions.query<{ postcode: string | null; parentKind: AssetKindValue | null; uprnHolder: string | null }>(
      `select hearth.normalise_postcode($1) as postcode,
              (select kind from hearth.asset where id = $2) as "parentKind",
              (select id from hearth.asset where uprn = $3 and id is distinct from $4) as "uprnHolder"`,
      [fields.postcode, fields.parentId, fields.uprn !== null && isUprn(fields.uprn) ? fields.uprn : null, id],
    );
    if (fields.parentId !== null && facts.parentKind === null) return AssetNotFound.of(fields.parentId, 'parent');
    const problems = assetProblems(fields, { normalisedPostcode: facts.postcode, parentKind: facts.parentKind });
    if (problems.length) return AssetInvalid.of(problems);
    if (facts.uprnHolder) return DuplicateUprn.of(fields.uprn!, facts.uprnHolder);
    return { ...fields, postcode: facts.postcode };
  }

  /** Runs an UPDATE or DELETE ... RETURNING: TypeORM answers those with [rows, count], not rows. */
  private async returning<T>(sql: string, params: unknown[]): Promise<T[]> {
    const [rows] = (await this.transactions.query(sql, params)) as unknown as [T[], number];
    return rows;
  }

  /** Reads an asset and locks it until the transaction ends, so concurrent changes queue rather than interleave. */
  private async lock(id: string): Promise<AssetEntity | null> {
    if (!isUUID(id, 'loose')) return null;
    const [row] = await this.transactions.query<AssetEntity>(`select ${COLUMNS} from hearth.asset a where a.id = $1 for update`, [id]);
    return row ?? null;
  }

  /** A reference belongs to its asset: changing one touches the asset and is audited and announced as its update. */
  private async recordReferenceChange(
    operation: string,
    current: AssetEntity,
    change: { before?: AssetReference; after?: AssetReference },
  ): Promise<Asset> {
    const [row] = await this.returning<AssetEntity>(
      `update hearth.asset as a set updated_at = now() where a.id = $1 returning ${COLUMNS}`,
      [current.id],
    );
    await this.audit.record({ operation, targetType: 'asset', targetId: current.id, before: change.before, after: change.after });
    await this.outbox.publish({ type: AssetEvent.Updated, aggregateType: 'asset', aggregateId: current.id, payload: { id: current.id, changed: ['references'] } });
    return Asset.from(row);
  }

  /** Turns a filter into SQL conditions, refusing a value that cannot match anything by mistake. */
  private async conditionsOf(filter: AssetFilter): Promise<Conditions> {
    const where = new Conditions();
    if (filter.kind) where.add(`a.kind = ${where.param(filter.kind)}`);
    if (filter.parentId) {
      if (!isUUID(filter.parentId, 'loose')) throw badFilter('parentId', `"${filter.parentId}" is not an asset id`);
      where.add(`a.parent_id = ${where.param(filter.parentId)}`);
    }
    if (filter.patch) where.add(`a.patch = ${where.param(filter.patch.trim())}`);
    if (filter.uprn) {
      const uprn = tidyAssetFields({ uprn: filter.uprn }).uprn!;
      if (!isUprn(uprn)) throw badFilter('uprn', 'uprn must be 1 to 12 digits, and not 0');
      where.add(`a.uprn = ${where.param(uprn)}::bigint`);
    }
    if (filter.postcode) {
      // A full postcode, or an outward code: one is an outward code when a full postcode starts with it.
      const [{ postcode, outward }] = await this.transactions.query<{ postcode: string | null; outward: string | null }>(
        `select hearth.normalise_postcode($1) as postcode, split_part(hearth.normalise_postcode($1 || '1AA'), ' ', 1) as outward`,
        [filter.postcode],
      );
      if (postcode) where.add(`a.postcode = ${where.param(postcode)}`);
      else if (outward) where.add(`a.outward_code = ${where.param(outward)}`);
      else throw badFilter('postcode', `"${filter.postcode}" is neither a full postcode (like CF10 1AA) nor an outward code (like CF10)`);
    }
    if (filter.search) where.add(`a.id in (select id from (${searchHits(where, searchText(filter.search))}) as hit)`);
    return where;
  }
}

/** SQL conditions and their parameters, numbered in the order they are added. */
class Conditions {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: string): void {
    this.clauses.push(clause);
  }

  get sql(): string {
    return this.clauses.length ? this.clauses.join(' and ') : 'true';
  }
}

/**
 * (id, score) of every asset the text finds: by words of its name, address and postcode and of
 * its legacy references (pg_trgm word similarity, on the GIN trigram indexes), by its exact
 * postcode however it is spaced, or by its UPRN.
 */
function searchHits(query: Conditions, text: string): string {
  const words = query.param(text);
  const uprn = tidyAssetFields({ uprn: text }).uprn!;
  return `
    select id, word_similarity(${words}, search_text) as score from hearth.asset where ${words} <% search_text
    union all
    select id, 1 from hearth.asset where postcode = hearth.normalise_postcode(${words})
    union all
    select asset_id, word_similarity(${words}, reference) from hearth.asset_reference where ${words} <% reference
    ${isUprn(uprn) ? `union all select id, 1 from hearth.asset where uprn = ${query.param(uprn)}::bigint` : ''}`;
}

function searchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < SEARCH_LENGTH.min || trimmed.length > SEARCH_LENGTH.max) {
    throw new HearthError('BAD_USER_INPUT', `Search for ${SEARCH_LENGTH.min} to ${SEARCH_LENGTH.max} characters`, { field: 'search' });
  }
  return trimmed;
}

function afterId(cursor: string, scope: string): string {
  const [cursorScope, id] = decodeCursor(cursor, 2);
  if (cursorScope !== scope || typeof id !== 'string' || !isUUID(id, 'loose')) {
    throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is from another query or filter; ask again without it', { field: 'after' });
  }
  return id;
}

function connectionOf(rows: AssetEntity[], page: PageArgs, total: number, scope: string): AssetConnection {
  const connection = toConnection(rows, page, total, (row) => [scope, row.id]);
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: Asset.from(edge.node) })) };
}

function badFilter(field: string, message: string): HearthError {
  return new HearthError('BAD_USER_INPUT', message, { field });
}

/** The writable fields of a new asset; those left out are null (none, for accessibility). */
function newFields(input: CreateAssetInput): AssetFields {
  const fields = Object.fromEntries(WRITABLE.map((field) => [field, input[field] ?? null])) as AssetFields;
  return tidyAssetFields({ ...fields, kind: input.kind as AssetKindValue, accessibility: input.accessibility ?? [] });
}

/** The fields an update gives: one left out is absent, null clears it (to none, for accessibility). */
function changedFields(input: UpdateAssetInput): Partial<AssetFields> {
  const given = input as Partial<Record<keyof AssetFields, unknown>>;
  const changes = Object.fromEntries(WRITABLE.filter((field) => given[field] !== undefined).map((field) => [field, given[field]]));
  return tidyAssetFields({ ...changes, ...(input.accessibility === null ? { accessibility: [] } : {}) } as Partial<AssetFields>);
}

function fieldsOf(entity: AssetEntity): AssetFields {
  return Object.fromEntries(WRITABLE.map((field) => [field, entity[field]])) as AssetFields;
}

function isFields(checked: AssetFields | AssetFailure): checked is AssetFields {
  return !('code' in checked);
}

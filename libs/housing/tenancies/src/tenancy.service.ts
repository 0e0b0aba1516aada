import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { AssetEntity } from '@hearth/housing-assets';
import { MemberCountry } from './member-country';
import { referencesTaken } from './references';
import { cursorValues, hydrate, liveOn, SqlParams } from './sql';
import {
  PersonEntity, TenancyEntity, TenancyEventEntity, TenancyPartyEntity, TenancyReferenceEntity,
  type RelationshipValue, type TenancyEndReasonValue, type TenancyEventKindValue, type TenureType,
} from './tenancies.entities';
import { TenanciesEvent } from './tenancies.permissions';
import {
  DwellingNotFound, MutualExchangeRecorded, Tenancy, TenancyInvalid, TenancyNotFound, TenancyOverlaps, TenancyTerms, Terminology, TenureNotAllowed,
  type TenancyConnection, type TenancyEventDetails, type TenancyFailure,
} from './tenancy.model';
import { allowedTenures, TENURE_LABELS, tenureJudgedOn } from './tenure-rules';
import { addDays, ukToday } from './uk-date';
import type { AddHouseholdMemberInput, EndTenancyInput, RecordMutualExchangeInput, RecordSuccessionInput, RemoveHouseholdMemberInput } from './dto/change-tenancy.input';
import type { ReferenceInput } from './dto/reference.input';
import type { TenanciesFilter } from './dto/register-filters.input';
import type { StartTenancyInput } from './dto/start-tenancy.input';

/** A tenancy to open: its household, and the references it is known by elsewhere. */
interface Opening {
  dwellingId: string;
  tenureType: TenureType;
  startDate: string;
  tenants: string[];
  householdMembers: { personId: string; relationship?: RelationshipValue | null }[];
  references: ReferenceInput[];
  /** Recorded on the 'started' event, e.g. the tenancy a mutual exchange came from. */
  details?: TenancyEventDetails;
}

/** Thrown when PostgreSQL's exclusion constraint refuses a new (open-ended) tenancy: where and from when, to find the clash. */
class OverlapRefused {
  constructor(
    readonly dwellingId: string,
    readonly startDate: string,
  ) {}
}

@Injectable()
export class TenancyService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly country: MemberCountry,
  ) {}

  /** Tenancies, newest start first, paged by key on tenancy_by_start (tenancy_by_dwelling for one dwelling). */
  async list(filter: TenanciesFilter, args: PageArgs): Promise<TenancyConnection> {
    const params = new SqlParams();
    const conditions: string[] = [];
    if (filter.dwellingId) conditions.push(`t.dwelling_id = ${params.add(filter.dwellingId)}::uuid`);
    if (filter.tenureType) conditions.push(`t.tenure_type = ${params.add(filter.tenureType)}`);
    if (filter.live !== undefined) {
      const live = liveOn('t', params.add(ukToday()));
      conditions.push(filter.live ? live : `not (${live})`);
    }
    const where = (all: string[]) => (all.length ? `where ${all.join(' and ')}` : '');
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.tenancy t ${where(conditions)}`, params.values);

    if (args.after) {
      const [startDate, id] = cursorValues(args.after, ['date', 'uuid']).map((value) => params.add(value));
      conditions.push(`t.start_date <= ${startDate}::date and (t.start_date < ${startDate}::date or t.id < ${id}::uuid)`);
    }
    const rows = await this.transactions.query(
      `select t.* from hearth.tenancy t ${where(conditions)}
       order by t.start_date desc, t.id desc
       limit ${params.add((args.first ?? DEFAULT_PAGE_SIZE) + 1)}`,
      params.values,
    );
    const manager = await this.transactions.manager();
    const tenancies = rows.map((row) => Tenancy.from(hydrate(manager, TenancyEntity, row)));
    return toConnection(tenancies, args, total, (tenancy) => [tenancy.startDate, tenancy.id]);
  }

  async find(id: string): Promise<Tenancy | null> {
    const entity = await (await this.transactions.repository(TenancyEntity)).findOneBy({ id });
    return entity ? Tenancy.from(entity) : null;
  }

  async terminology(): Promise<Terminology> {
    return Terminology.of(await this.country.get());
  }

  /** The member's words, and the tenures a tenancy starting on `startDate` may have. */
  async terms(startDate: string): Promise<TenancyTerms> {
    const country = await this.country.get();
    return Object.assign(new TenancyTerms(), {
      terminology: Terminology.of(country),
      tenureTypes: allowedTenures(country, tenureJudgedOn(startDate, null, ukToday())).map((tenureType) => ({ tenureType, label: TENURE_LABELS[tenureType] })),
    });
  }

  async start(input: StartTenancyInput): Promise<Tenancy | TenancyFailure> {
    const dwelling = await (await this.transactions.repository(AssetEntity)).findOneBy({ id: input.dwellingId });
    if (!dwelling) return DwellingNotFound.of(input.dwellingId);
    if (dwelling.kind !== 'dwelling') return DwellingNotFound.of(input.dwellingId, dwelling.kind);
    const notAllowed = await this.tenureNotAllowed(input.tenureType, input.startDate);
    if (notAllowed) return notAllowed;

    const referenceRows = await this.transactions.repository(TenancyReferenceEntity);
    const problems = [
      ...(await this.householdProblems(input)),
      ...(await referencesTaken(referenceRows, input.references, (row) => `tenancy ${row.tenancyId}`)),
    ];
    if (problems.length) return TenancyInvalid.of(problems);
    return this.atomically(() => this.open(input, 'startTenancy'));
  }

  async end(input: EndTenancyInput): Promise<Tenancy | TenancyFailure> {
    const entity = await this.lock(input.id);
    if (!entity) return TenancyNotFound.of(input.id);
    if (entity.endDate) return TenancyInvalid.of([InputProblem.of('id', `That tenancy already ends on ${entity.endDate} (${entity.endReason})`)]);
    if (input.endDate < entity.startDate) {
      return TenancyInvalid.of([InputProblem.of('endDate', `endDate must not be before the tenancy started (${entity.startDate})`)]);
    }
    return this.close(entity, input.endDate, input.reason, 'endTenancy');
  }

  /**
   * The tenancy continues with the successor as a tenant: a household member (statutory or
   * contractual succession) or a surviving joint tenant (survivorship). The former tenant leaves.
   */
  async recordSuccession(input: RecordSuccessionInput): Promise<Tenancy | TenancyFailure> {
    const entity = await this.lock(input.tenancyId);
    if (!entity) return TenancyNotFound.of(input.tenancyId);
    const parties = await this.currentParties(entity.id);
    const former = parties.find((party) => party.personId === input.formerTenantId && party.role === 'tenant');
    const successor = parties.find((party) => party.personId === input.successorId && party.personId !== input.formerTenantId);
    const problems = [
      ...this.withinTenancy(entity, 'date', input.date),
      ...(former ? [] : [InputProblem.of('formerTenantId', `Person ${input.formerTenantId} is not a current tenant of this tenancy`)]),
      ...(successor ? [] : [InputProblem.of('successorId', `Person ${input.successorId} is not another current member of this household`)]),
    ];
    if (problems.length) return TenancyInvalid.of(problems);

    const before = Tenancy.from(entity);
    const rows = await this.transactions.repository(TenancyPartyEntity);
    await rows.update({ tenancyId: entity.id, personId: former!.personId }, { leftOn: input.date });
    await rows.update({ tenancyId: entity.id, personId: successor!.personId }, { role: 'tenant', relationship: null });
    await this.recordEvent(entity.id, 'succession', input.date, { personIds: [input.successorId], formerTenantIds: [input.formerTenantId] });
    const tenancy = Tenancy.from(entity);
    await this.audit.record({
      operation: 'recordSuccession', targetType: 'tenancy', targetId: entity.id, before,
      after: { ...tenancy, successorId: input.successorId, formerTenantId: input.formerTenantId, date: input.date },
    });
    await this.outbox.publish({
      type: TenanciesEvent.SuccessionRecorded,
      aggregateType: 'tenancy',
      aggregateId: entity.id,
      payload: { id: entity.id, successorId: input.successorId, formerTenantId: input.formerTenantId, date: input.date },
    });
    return tenancy;
  }

  /**
   * Two households of this member swap homes. Each tenancy ends the day before the exchange
   * (reason mutual_exchange), and each household takes up the other's home from the exchange
   * date, with the tenure of the tenancy it takes over (an exchange is an assignment). All four
   * tenancies carry a mutual_exchange event linking the other side. An exchange with another
   * landlord's tenant is endTenancy(reason: MUTUAL_EXCHANGE) here and startTenancy for the incomer.
   */
  async recordMutualExchange(input: RecordMutualExchangeInput): Promise<MutualExchangeRecorded | TenancyFailure> {
    if (input.tenancyId === input.withTenancyId) {
      return TenancyInvalid.of([InputProblem.of('withTenancyId', 'A tenancy cannot be exchanged with itself')]);
    }
    // Locked in id order, so two exchanges naming the same pair cannot deadlock.
    const locked = await (await this.transactions.repository(TenancyEntity)).find({
      where: { id: In([input.tenancyId, input.withTenancyId]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const [mine, theirs] = [input.tenancyId, input.withTenancyId].map((id) => locked.find((tenancy) => tenancy.id === id));
    if (!mine) return TenancyNotFound.of(input.tenancyId);
    if (!theirs) return TenancyNotFound.of(input.withTenancyId);

    const lastDay = addDays(input.exchangedOn, -1);
    const problems = [mine, theirs].flatMap((tenancy, i) => {
      const field = i === 0 ? 'tenancyId' : 'withTenancyId';
      if (tenancy.endDate) return [InputProblem.of(field, `Tenancy ${tenancy.id} already ends on ${tenancy.endDate}`)];
      if (lastDay < tenancy.startDate) return [InputProblem.of('exchangedOn', `exchangedOn must be after tenancy ${tenancy.id} started (${tenancy.startDate})`)];
      return [];
    });
    if (problems.length) return TenancyInvalid.of(problems);
    for (const tenancy of [theirs, mine]) {
      const notAllowed = await this.tenureNotAllowed(tenancy.tenureType, input.exchangedOn);
      if (notAllowed) return notAllowed;
    }

    const households = await Promise.all([mine, theirs].map((tenancy) => this.currentParties(tenancy.id)));
    return this.atomically(async () => {
      const ended: Tenancy[] = [];
      for (const [tenancy, other] of [[mine, theirs], [theirs, mine]]) {
        ended.push(await this.close(tenancy, lastDay, 'mutual_exchange', 'recordMutualExchange'));
        await this.recordEvent(tenancy.id, 'mutual_exchange', input.exchangedOn, { relatedTenancyId: other.id });
      }
      const started: Tenancy[] = [];
      for (const [household, from, to] of [[households[0], mine, theirs], [households[1], theirs, mine]] as const) {
        const opened = await this.open(
          {
            dwellingId: to.dwellingId,
            tenureType: to.tenureType,
            startDate: input.exchangedOn,
            tenants: household.filter((party) => party.role === 'tenant').map((party) => party.personId),
            householdMembers: household.filter((party) => party.role === 'household_member'),
            references: [],
            details: { relatedTenancyId: from.id },
          },
          'recordMutualExchange',
        );
        await this.recordEvent(opened.id, 'mutual_exchange', input.exchangedOn, { relatedTenancyId: from.id });
        started.push(opened);
      }
      await this.outbox.publish({
        type: TenanciesEvent.MutualExchangeRecorded,
        aggregateType: 'tenancy',
        aggregateId: mine.id,
        payload: { endedTenancyIds: ended.map((t) => t.id), startedTenancyIds: started.map((t) => t.id), exchangedOn: input.exchangedOn },
      });
      return Object.assign(new MutualExchangeRecorded(), { ended, started });
    });
  }

  async addHouseholdMember(input: AddHouseholdMemberInput): Promise<Tenancy | TenancyFailure> {
    const entity = await this.lock(input.tenancyId);
    if (!entity) return TenancyNotFound.of(input.tenancyId);
    const joinedOn = input.joinedOn ?? ukToday();
    const person = await (await this.transactions.repository(PersonEntity)).findOneBy({ id: input.personId });
    const rows = await this.transactions.repository(TenancyPartyEntity);
    const existing = await rows.findOneBy({ tenancyId: entity.id, personId: input.personId });
    const problems = [
      ...this.withinTenancy(entity, 'joinedOn', joinedOn),
      ...(person ? [] : [InputProblem.of('personId', `There is no person ${input.personId}`)]),
      ...(existing && !existing.leftOn ? [InputProblem.of('personId', `Person ${input.personId} is already a ${existing.role.replace('_', ' ')} of this tenancy`)] : []),
    ];
    if (problems.length) return TenancyInvalid.of(problems);

    // Someone who left and comes back keeps one row: the events keep the earlier stay.
    await rows.save(rows.create({
      tenantId: entity.tenantId, tenancyId: entity.id, personId: input.personId,
      role: 'household_member', relationship: input.relationship ?? null, joinedOn, leftOn: null,
    }));
    return this.householdChanged(entity, 'party_joined', joinedOn, input.personId, 'addHouseholdMember', TenanciesEvent.HouseholdMemberJoined);
  }

  async removeHouseholdMember(input: RemoveHouseholdMemberInput): Promise<Tenancy | TenancyFailure> {
    const entity = await this.lock(input.tenancyId);
    if (!entity) return TenancyNotFound.of(input.tenancyId);
    const leftOn = input.leftOn ?? ukToday();
    const party = (await this.currentParties(entity.id)).find((p) => p.personId === input.personId);
    if (!party) return TenancyInvalid.of([InputProblem.of('personId', `Person ${input.personId} is not a current member of this household`)]);
    if (party.role === 'tenant') {
      return TenancyInvalid.of([
        InputProblem.of('personId', `Person ${input.personId} is a tenant: a tenant leaves through endTenancy or recordSuccession`),
      ]);
    }
    const since = party.joinedOn ?? entity.startDate;
    if (leftOn < since) return TenancyInvalid.of([InputProblem.of('leftOn', `leftOn must not be before they joined (${since})`)]);

    await (await this.transactions.repository(TenancyPartyEntity)).update({ tenancyId: entity.id, personId: input.personId }, { leftOn });
    return this.householdChanged(entity, 'party_left', leftOn, input.personId, 'removeHouseholdMember', TenanciesEvent.HouseholdMemberLeft);
  }

  /** A TenureNotAllowed failure when the member's country does not allow the tenure for a new, open-ended tenancy from `startDate`. */
  private async tenureNotAllowed(tenureType: TenureType, startDate: string): Promise<TenureNotAllowed | null> {
    const country = await this.country.get();
    const asAt = tenureJudgedOn(startDate, null, ukToday());
    const allowed = allowedTenures(country, asAt);
    return allowed.includes(tenureType) ? null : TenureNotAllowed.of(tenureType, country, asAt, allowed);
  }

  /** Inserts the tenancy, its household and references, and records and announces its start. */
  private async open(opening: Opening, operation: string): Promise<Tenancy> {
    const tenantId = hearthContext.require().requireTenantId();
    const entity = await this.insertTenancy({ tenantId, dwellingId: opening.dwellingId, tenureType: opening.tenureType, startDate: opening.startDate });
    const joined = (personId: string, role: TenancyPartyEntity['role'], relationship: RelationshipValue | null) => ({
      tenantId, tenancyId: entity.id, personId, role, relationship, joinedOn: opening.startDate, leftOn: null,
    });
    await (await this.transactions.repository(TenancyPartyEntity)).insert([
      ...opening.tenants.map((personId) => joined(personId, 'tenant', null)),
      ...opening.householdMembers.map((member) => joined(member.personId, 'household_member', member.relationship ?? null)),
    ]);
    if (opening.references.length) {
      await (await this.transactions.repository(TenancyReferenceEntity)).insert(
        opening.references.map((reference) => ({ tenantId, tenancyId: entity.id, ...reference })),
      );
    }
    await this.recordEvent(entity.id, 'started', opening.startDate, { personIds: opening.tenants, ...opening.details });

    const tenancy = Tenancy.from(entity);
    const { tenants, householdMembers, references } = opening;
    await this.audit.record({ operation, targetType: 'tenancy', targetId: tenancy.id, after: { ...tenancy, tenants, householdMembers, references } });
    await this.outbox.publish({
      type: TenanciesEvent.TenancyStarted,
      aggregateType: 'tenancy',
      aggregateId: tenancy.id,
      payload: { id: tenancy.id, dwellingId: tenancy.dwellingId, tenureType: tenancy.tenureType, startDate: tenancy.startDate, tenantIds: tenants },
    });
    return tenancy;
  }

  /** Sets the tenancy's last day and reason, and records and announces its end. */
  private async close(entity: TenancyEntity, endDate: string, reason: TenancyEndReasonValue, operation: string): Promise<Tenancy> {
    const before = Tenancy.from(entity);
    Object.assign(entity, { endDate, endReason: reason, updatedAt: new Date() });
    await (await this.transactions.repository(TenancyEntity)).save(entity);
    await this.recordEvent(entity.id, 'ended', endDate, { endReason: reason });
    const tenancy = Tenancy.from(entity);
    await this.audit.record({ operation, targetType: 'tenancy', targetId: entity.id, before, after: tenancy });
    await this.outbox.publish({
      type: TenanciesEvent.TenancyEnded,
      aggregateType: 'tenancy',
      aggregateId: entity.id,
      payload: { id: entity.id, dwellingId: entity.dwellingId, endDate, reason },
    });
    return tenancy;
  }

  private async householdChanged(
    entity: TenancyEntity, kind: TenancyEventKindValue, on: string, personId: string, operation: string, event: string,
  ): Promise<Tenancy> {
    await this.recordEvent(entity.id, kind, on, { personIds: [personId] });
    const tenancy = Tenancy.from(entity);
    await this.audit.record({ operation, targetType: 'tenancy', targetId: entity.id, after: { tenancyId: entity.id, personId, on } });
    await this.outbox.publish({ type: event, aggregateType: 'tenancy', aggregateId: entity.id, payload: { id: entity.id, personId, on } });
    return tenancy;
  }

  /**
   * Runs `work` in a savepoint. PostgreSQL is what refuses two live tenancies on a dwelling (the
   * tenancy_no_overlap exclusion constraint), so concurrent requests cannot both succeed; when it
   * refuses one, everything `work` wrote is undone, and the transaction is still usable to find
   * the clash and answer it.
   */
  private async atomically<T>(work: () => Promise<T>): Promise<T | TenancyOverlaps> {
    const manager = await this.transactions.manager();
    try {
      return await manager.transaction(() => work());
    } catch (error) {
      if (error instanceof OverlapRefused) return TenancyOverlaps.of(await this.clashWith(error));
      throw error;
    }
  }

  /** Inserts a tenancy; call it within `atomically`, which answers the overlap it may throw. */
  private async insertTenancy(values: Pick<TenancyEntity, 'tenantId' | 'dwellingId' | 'tenureType' | 'startDate'>): Promise<TenancyEntity> {
    const tenancies = await this.transactions.repository(TenancyEntity);
    try {
      return await tenancies.save(tenancies.create(values));
    } catch (error) {
      const refusal = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (refusal?.code === '23P01' && refusal.constraint === 'tenancy_no_overlap') throw new OverlapRefused(values.dwellingId, values.startDate);
      throw error;
    }
  }

  /** The tenancy an open-ended one from `startDate` would overlap: the first still running on or after that day. */
  private async clashWith(refused: OverlapRefused): Promise<Tenancy> {
    const [row] = await this.transactions.query(
      `select * from hearth.tenancy where dwelling_id = $1 and (end_date is null or end_date >= $2::date)
       order by start_date limit 1`,
      [refused.dwellingId, refused.startDate],
    );
    return Tenancy.from(hydrate(await this.transactions.manager(), TenancyEntity, row));
  }

  private async lock(id: string): Promise<TenancyEntity | null> {
    return (await this.transactions.repository(TenancyEntity)).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async currentParties(tenancyId: string): Promise<TenancyPartyEntity[]> {
    const parties = await (await this.transactions.repository(TenancyPartyEntity)).findBy({ tenancyId });
    return parties.filter((party) => party.leftOn === null);
  }

  private async recordEvent(tenancyId: string, kind: TenancyEventKindValue, occurredOn: string, details: TenancyEventDetails): Promise<void> {
    const context = hearthContext.require();
    await (await this.transactions.repository(TenancyEventEntity)).insert({
      tenantId: context.requireTenantId(), tenancyId, kind, occurredOn, details: { ...details }, recordedBy: context.actor!.name ?? context.actor!.id,
    });
  }

  /** A change on `date` must fall within the tenancy. */
  private withinTenancy(entity: TenancyEntity, field: string, date: string): InputProblem[] {
    if (date < entity.startDate) return [InputProblem.of(field, `${field} must not be before the tenancy started (${entity.startDate})`)];
    if (entity.endDate && date > entity.endDate) return [InputProblem.of(field, `${field} must not be after the tenancy ended (${entity.endDate})`)];
    return [];
  }

  /** Everyone named must exist, and nobody may be both a tenant and a household member. */
  private async householdProblems(input: StartTenancyInput): Promise<InputProblem[]> {
    const ids = [...input.tenants, ...input.householdMembers.map((member) => member.personId)];
    const known = new Set((await (await this.transactions.repository(PersonEntity)).findBy({ id: In(ids) })).map((person) => person.id));
    const missing = (personId: string, field: string) => (known.has(personId) ? [] : [InputProblem.of(field, `There is no person ${personId}`)]);
    return [
      ...input.tenants.flatMap((personId, i) => missing(personId, `tenants[${i}]`)),
      ...input.householdMembers.flatMap(({ personId }, i) =>
        input.tenants.includes(personId)
          ? [InputProblem.of(`householdMembers[${i}]`, `Person ${personId} is a tenant, so cannot also be a household member`)]
          : missing(personId, `householdMembers[${i}]`),
      ),
    ];
  }
}

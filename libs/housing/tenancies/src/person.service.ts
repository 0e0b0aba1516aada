import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, InputProblem, toConnection } from '@hearth/platform-graphql';
import {
  AlertNotFound, Person, PersonAlert, PersonInvalid, PersonNotFound, type PersonConnection,
} from './person.model';
import { referencesTaken } from './references';
import { actorHolds } from './register-access';
import { cursorValues, hydrate, resembles, SqlParams, startsWithReference } from './sql';
import { PERSON_ALERT_CODES, PersonAlertEntity, PersonEntity, PersonReferenceEntity, type PersonAlertCode } from './tenancies.entities';
import { TenanciesEvent, tenanciesPermissions as can } from './tenancies.permissions';
import { ukToday } from './uk-date';
import type { CreatePersonInput } from './dto/create-person.input';
import type { UpdatePersonInput } from './dto/update-person.input';
import type { EndPersonAlertInput, RaisePersonAlertInput } from './dto/person-alert.input';
import type { PeopleArgs } from './dto/register-filters.input';

/** The details updatePerson may change, in the order its event names them. */
const DETAILS = ['title', 'givenName', 'familyName', 'dateOfBirth', 'email', 'phone', 'preferredLanguage', 'communicationNeeds'] as const;

@Injectable()
export class PersonService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /**
   * People by name (family, given), paged by key on person_by_name. A search keeps those whose
   * name resembles it (person_search, trigram) or who have a reference starting with it
   * (person_reference_lookup); the matches are still listed by name.
   */
  async list(args: PeopleArgs): Promise<PersonConnection> {
    const params = new SqlParams();
    const conditions: string[] = [];
    if (args.search) {
      conditions.push(`p.id in (
        select m.id from hearth.person m where ${resembles('m.search_text', args.search, params)}
        union all
        select r.person_id from hearth.person_reference r where ${startsWithReference('r.reference', args.search, params)})`);
    }
    const matching = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.person p ${matching}`, params.values);

    if (args.after) {
      const [family, given, id] = cursorValues(args.after, ['text', 'text', 'uuid']).map((value) => params.add(value));
      conditions.push(`p.family_name >= ${family} and (p.family_name > ${family} or p.given_name > ${given} or (p.given_name = ${given} and p.id > ${id}::uuid))`);
    }
    const rows = await this.transactions.query(
      `select p.* from hearth.person p ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
       order by p.family_name, p.given_name, p.id
       limit ${params.add((args.first ?? DEFAULT_PAGE_SIZE) + 1)}`,
      params.values,
    );
    const manager = await this.transactions.manager();
    const people = rows.map((row) => Person.from(hydrate(manager, PersonEntity, row)));
    return toConnection(people, args, total, (person) => [person.familyName, person.givenName, person.id]);
  }

  async find(id: string): Promise<Person | null> {
    const entity = await (await this.transactions.repository(PersonEntity)).findOneBy({ id });
    return entity ? Person.from(entity) : null;
  }

  async create(input: CreatePersonInput): Promise<Person | PersonInvalid> {
    const referenceRows = await this.transactions.repository(PersonReferenceEntity);
    const taken = await referencesTaken(referenceRows, input.references, (row) => `person ${row.personId}`);
    if (taken.length) return PersonInvalid.of(taken);

    const tenantId = hearthContext.require().requireTenantId();
    const people = await this.transactions.repository(PersonEntity);
    const { references, ...details } = input;
    const entity = await people.save(people.create({ tenantId, ...details }));
    if (references.length) await referenceRows.insert(references.map((reference) => ({ tenantId, personId: entity.id, ...reference })));

    const person = Person.from(entity);
    await this.audit.record({ operation: 'createPerson', targetType: 'person', targetId: person.id, after: { ...person, references } });
    await this.outbox.publish({ type: TenanciesEvent.PersonCreated, aggregateType: 'person', aggregateId: person.id, payload: { id: person.id } });
    return person;
  }

  async update(input: UpdatePersonInput): Promise<Person | PersonNotFound | PersonInvalid> {
    const people = await this.transactions.repository(PersonEntity);
    const entity = await people.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!entity) return PersonNotFound.of(input.id);

    const before = Person.from(entity);
    const changed = DETAILS.filter((field) => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(entity[field]));
    if (!changed.length) return before;
    Object.assign(entity, Object.fromEntries(changed.map((field) => [field, input[field]])), { updatedAt: new Date() });
    const person = Person.from(await people.save(entity));
    await this.audit.record({ operation: 'updatePerson', targetType: 'person', targetId: person.id, before, after: person });
    await this.outbox.publish({ type: TenanciesEvent.PersonUpdated, aggregateType: 'person', aggregateId: person.id, payload: { id: person.id, fields: changed } });
    return person;
  }

  async raiseAlert(input: RaisePersonAlertInput): Promise<PersonAlert | PersonNotFound | PersonInvalid> {
    const context = hearthContext.require();
    // Locking the person serialises raises for them, so the one-active-alert-per-code check holds (as does the unique index).
    const person = await (await this.transactions.repository(PersonEntity)).findOne({ where: { id: input.personId }, lock: { mode: 'pessimistic_write' } });
    if (!person) return PersonNotFound.of(input.personId);
    const code = input.code as PersonAlertCode;
    const alerts = await this.transactions.repository(PersonAlertEntity);
    const active = await alerts.findOneBy({ personId: person.id, code, endedOn: IsNull() });
    if (active) {
      return PersonInvalid.of([
        InputProblem.of('code', `${person.givenName} ${person.familyName} already has an active ${code} alert (${PERSON_ALERT_CODES[code]}), raised on ${active.raisedOn}`),
      ]);
    }
    const entity = await alerts.save(
      alerts.create({
        tenantId: context.requireTenantId(),
        personId: person.id,
        code,
        note: input.note ?? null,
        raisedOn: input.raisedOn ?? ukToday(),
        raisedBy: context.actor!.name ?? context.actor!.id,
      }),
    );
    await this.audit.record({ operation: 'raisePersonAlert', targetType: 'person_alert', targetId: entity.id, after: PersonAlert.from(entity, true) });
    await this.outbox.publish({
      type: TenanciesEvent.AlertRaised,
      aggregateType: 'person',
      aggregateId: person.id,
      payload: { id: entity.id, personId: person.id, code },
    });
    return PersonAlert.from(entity, this.mayReadAlertNotes());
  }

  async endAlert(input: EndPersonAlertInput): Promise<PersonAlert | AlertNotFound | PersonInvalid> {
    const alerts = await this.transactions.repository(PersonAlertEntity);
    const entity = await alerts.findOne({ where: { id: input.alertId }, lock: { mode: 'pessimistic_write' } });
    if (!entity) return AlertNotFound.of(input.alertId);
    if (entity.endedOn) return PersonInvalid.of([InputProblem.of('alertId', `That alert already ended on ${entity.endedOn}`)]);
    const endedOn = input.endedOn ?? ukToday();
    if (endedOn < entity.raisedOn) return PersonInvalid.of([InputProblem.of('endedOn', `endedOn must not be before the alert was raised (${entity.raisedOn})`)]);

    const before = PersonAlert.from(entity, true);
    entity.endedOn = endedOn;
    await alerts.save(entity);
    await this.audit.record({ operation: 'endPersonAlert', targetType: 'person_alert', targetId: entity.id, before, after: PersonAlert.from(entity, true) });
    await this.outbox.publish({
      type: TenanciesEvent.AlertEnded,
      aggregateType: 'person',
      aggregateId: entity.personId,
      payload: { id: entity.id, personId: entity.personId, code: entity.code, endedOn },
    });
    return PersonAlert.from(entity, this.mayReadAlertNotes());
  }

  /** Whether this reader sees alert notes; everyone who reads the register sees the code's meaning. */
  mayReadAlertNotes(): boolean {
    return actorHolds(can.alertNotes);
  }
}

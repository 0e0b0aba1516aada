import type { INestApplicationContext } from '@nestjs/common';
import { TransactionManager, type Actor, type TenantEntity } from '@hearth/platform-database';
import {
  SessionProposal, SessionProposalService, Unconference, UnconferenceParticipant, UnconferenceService, type UnconferenceStep,
} from '@hearth/collaboration-unconferences';
import type { DemoStep } from '../demo-step';

/** Someone of the demo's organisations who takes part (never a demo sign-in user, who join as themselves). */
interface DemoPerson {
  organisation: string;
  id: string;
  name: string;
}

const PEOPLE: Record<string, DemoPerson> = {
  priya: { organisation: 'millbrook-homes', id: 'demo:priya.shah', name: 'Priya Shah' },
  tom: { organisation: 'millbrook-homes', id: 'demo:tom.hughes', name: 'Tom Hughes' },
  dai: { organisation: 'aber-housing', id: 'demo:dai.price', name: 'Dai Price' },
  megan: { organisation: 'aber-housing', id: 'demo:megan.lloyd', name: 'Megan Lloyd' },
  callum: { organisation: 'thistle-housing', id: 'demo:callum.reid', name: 'Callum Reid' },
  owain: { organisation: 'guest', id: 'demo:owain.morgan', name: 'Owain Morgan' },
};

interface DemoEvent {
  organiser: string;
  /** Who organises it: a tenant admin of `organiser`. */
  by: string;
  title: string;
  description: string;
  venue: string;
  /** Days from today (UK) of the event, and its slots' start hours (UK time, one hour each). */
  day: number;
  hours: number[];
  rooms: [string, number][];
  /** Session title, host, co-hosts. */
  proposals: [string, string, string[]][];
  /** Who votes for which sessions (by index). */
  votes: Record<string, number[]>;
  /** How far it goes: voting open, or published with notes. */
  until: 'voting_open' | 'published';
  notes?: [number, string, string][];
}

const EVENTS: DemoEvent[] = [
  {
    organiser: 'millbrook-homes',
    by: 'priya',
    title: 'Working Together Day',
    description: 'A day of sessions proposed by the people who came: repairs, damp and mould, and working with councils.',
    venue: 'The Engine Shed, Bristol',
    day: -1,
    hours: [10, 11, 14],
    rooms: [['Main hall', 120], ['Platform room', 40], ['Signal box', 12]],
    proposals: [
      ['Damp and mould: what worked for us', 'priya', ['dai']],
      ["Awaab's Law clocks in practice", 'tom', []],
      ['Occupation contracts, one year on', 'dai', []],
      ['Repairs by text message', 'megan', ['tom']],
      ['Sharing a schedule of rates', 'callum', []],
      ['Homelessness duty and housing associations', 'owain', ['megan']],
      ['Retrofit on a budget', 'tom', ['callum']],
      ['Welsh Language Standards for landlords', 'megan', []],
      ['Tenant satisfaction measures: what to count', 'priya', []],
    ],
    votes: { priya: [1, 2, 5, 6], tom: [0, 2, 5], dai: [0, 1, 4, 7], megan: [0, 1, 6], callum: [0, 3, 4], owain: [0, 5] },
    until: 'published',
    // On the most voted session, which the scheduler always places.
    notes: [
      [0, 'owain', '## What worked\n- A damp checklist shared with residents\n- Follow-up visits within 10 working days\n\n**Action:** Priya shares the checklist.'],
      [0, 'dai', 'Photographs at the first visit halved our repeat visits. Clocks start when you become aware, not when the job is raised: check your intake forms.'],
    ],
  },
  {
    organiser: 'aber-housing',
    by: 'megan',
    title: 'Housing Camp Cymru',
    description: 'Anghynhadledd i staff tai yng Nghymru, yn Gymraeg ac yn Saesneg. An unconference for housing staff in Wales, in Welsh and English.',
    venue: 'Canolfan y Celfyddydau, Aberystwyth',
    day: 28,
    hours: [10, 11, 13, 14],
    rooms: [['Theatr', 90], ['Stiwdio', 35], ['Ystafell Seminar', 20]],
    proposals: [
      ['Contract-holders and the Renting Homes Act', 'dai', []],
      ['Bilingual letters without the fuss', 'megan', ['priya']],
      ['Rent setting for 2027', 'tom', []],
      ['Community benefits in retrofit contracts', 'callum', ['dai']],
      ['Working with health boards on hospital discharge', 'owain', []],
    ],
    votes: { priya: [1, 2], tom: [0, 3], dai: [1, 4], callum: [3] },
    until: 'voting_open',
  },
];

const STEPS_TO: Record<DemoEvent['until'], UnconferenceStep[]> = {
  voting_open: ['openProposals', 'openVoting'],
  published: ['openProposals', 'openVoting', 'publish'],
};

/**
 * Two unconferences: one yesterday, published, with its timetable and notes; one next month,
 * open for votes, so the demo's users can propose and vote. Each is set up in its organiser's
 * run, by people of every organisation (and the demo's guest organisation, if there is one),
 * each in a unit of work of their own organisation. Added once, by title.
 */
export const unconferencesDemo: DemoStep = {
  name: 'unconferences',
  modules: ['unconferences'],
  async run(app, member) {
    const transactions = app.get(TransactionManager);
    const added: string[] = [];
    for (const event of EVENTS.filter((e) => e.organiser === member.slug)) {
      const [exists] = await transactions.query(`select 1 from hearth.unconference where title = $1`, [event.title]);
      if (exists) continue;
      await seedEvent(app, member, event, await organisationsOf(transactions));
      added.push(`unconference "${event.title}"`);
    }
    return added;
  },
};

type Organisations = Record<string, { tenantId?: string; guestOrganisationId?: string }>;

/** The members and the first active guest organisation, by the names PEOPLE use. */
async function organisationsOf(transactions: TransactionManager): Promise<Organisations> {
  const members = await transactions.query<{ id: string; slug: string }>(`select id, slug from hearth.tenant where status = 'active'`);
  const [guest] = await transactions.query<{ id: string }>(`select id from hearth.guest_organisation where status = 'active' order by slug limit 1`);
  const organisations: Organisations = Object.fromEntries(members.map((m) => [m.slug, { tenantId: m.id }]));
  if (guest) organisations['guest'] = { guestOrganisationId: guest.id };
  return organisations;
}

async function seedEvent(app: INestApplicationContext, member: TenantEntity, event: DemoEvent, organisations: Organisations): Promise<void> {
  const transactions = app.get(TransactionManager);
  const events = app.get(UnconferenceService);
  const proposals = app.get(SessionProposalService);
  const present = (key: string) => Boolean(organisations[PEOPLE[key].organisation]);
  const as = <T>(key: string, roles: string[], fn: () => Promise<T>) =>
    transactions.run({ actor: actorOf(PEOPLE[key], roles), ...organisations[PEOPLE[key].organisation] }, fn);
  const organise = <T>(fn: () => Promise<T>) => transactions.run({ actor: actorOf(PEOPLE[event.by], ['tenant-admin']), tenantId: member.id }, fn);

  const created = await organise(() => events.create({ title: event.title, description: event.description, venue: event.venue, votesPerParticipant: 5 }));
  if (!(created instanceof Unconference)) throw new Error(`The demo could not create "${event.title}": ${created.message}`);
  const id = created.id;
  for (const [name, capacity] of event.rooms) await organise(() => events.addRoom({ unconferenceId: id, name, capacity }));
  for (const hour of event.hours) {
    const startsAt = ukHour(event.day, hour);
    await organise(() => events.addSlot({ unconferenceId: id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) }));
  }
  const [toProposals, toVoting, ...after] = STEPS_TO[event.until];
  await organise(() => events.advance(id, toProposals));

  // Everyone who will host or co-host joins first, so they can be named as co-hosts.
  const people = [...new Set(event.proposals.flatMap(([, host, cohosts]) => [host, ...cohosts]).concat(Object.keys(event.votes)))].filter(present);
  const participantIds: Record<string, string> = {};
  for (const key of people) {
    const joined = await as(key, ['housing-officer'], () => proposals.join(id));
    if (joined instanceof UnconferenceParticipant) participantIds[key] = joined.id;
  }
  const proposalIds: (string | null)[] = [];
  for (const [title, host, cohosts] of event.proposals) {
    if (!present(host)) {
      proposalIds.push(null);
      continue;
    }
    const proposal = await as(host, ['housing-officer'], () =>
      proposals.propose({ unconferenceId: id, title, abstract: '', cohostParticipantIds: cohosts.filter(present).map((key) => participantIds[key]) }),
    );
    proposalIds.push(proposal instanceof SessionProposal ? proposal.id : null);
  }
  await organise(() => events.advance(id, toVoting));
  for (const [key, picks] of Object.entries(event.votes).filter(([key]) => present(key))) {
    for (const pick of picks) {
      const proposalId = proposalIds[pick];
      if (proposalId) await as(key, ['housing-officer'], () => proposals.vote(proposalId));
    }
  }
  if (after.length) {
    await organise(() => events.schedule(id));
    for (const step of after) await organise(() => events.advance(id, step));
    for (const [pick, key, body] of event.notes ?? []) {
      const proposalId = proposalIds[pick];
      if (proposalId && present(key)) await as(key, ['housing-officer'], () => proposals.writeNote({ proposalId, body }));
    }
  }
}

function actorOf(person: DemoPerson, roles: string[]): Actor {
  return { kind: 'user', id: person.id, name: person.name, roles, scopes: [], organizations: [] };
}

/** `hour` o'clock, UK time, `days` from today (UK). */
function ukHour(days: number, hour: number): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const noon = new Date(`${today}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + days);
  const day = noon.toISOString().slice(0, 10);
  // London is UTC or UTC+1: the offset is what London's clock reads at UTC noon, less 12.
  const offset = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${day}T12:00:00Z`))) - 12;
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour - offset));
}

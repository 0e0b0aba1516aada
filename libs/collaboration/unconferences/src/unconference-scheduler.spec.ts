import fc from 'fast-check';
import {
  clashesIn, rankSessions, roomOrder, scheduleUnconference, slotOrder,
  type SchedulerInput, type SchedulerResult, type SchedulerSession,
} from './unconference-scheduler';

const at = (hour: number) => new Date(Date.UTC(2027, 2, 11, hour));

// ---------------------------------------------------------------------------------------------
// Generated events. "Realistic" is a day of an unconference: up to 8 rooms of mixed sizes (some
// the same size), up to 6 slots, up to 60 proposals from a pool of people small enough that
// people host and co-host several sessions, votes skewed so some sessions are far more popular,
// with ties, and a few sessions pinned by the organiser (some pins conflicting on purpose).
// ---------------------------------------------------------------------------------------------

const eventArbitrary = (sizes: { rooms: [number, number]; slots: [number, number]; sessions: [number, number]; people: [number, number] }) =>
  fc
    .record({
      capacities: fc.array(fc.constantFrom(12, 20, 20, 30, 45, 60, 80, 120), { minLength: sizes.rooms[0], maxLength: sizes.rooms[1] }),
      slotCount: fc.integer({ min: sizes.slots[0], max: sizes.slots[1] }),
      people: fc.integer({ min: sizes.people[0], max: sizes.people[1] }),
      sessions: fc.array(
        fc.record({
          votes: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 40 })),
          hosts: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          pin: fc.option(fc.record({ room: fc.nat(), slot: fc.nat() }), { freq: 8 }),
        }),
        { minLength: sizes.sessions[0], maxLength: sizes.sessions[1] },
      ),
    })
    .map(({ capacities, slotCount, people, sessions }): SchedulerInput => {
      const rooms = capacities.map((capacity, i) => ({ id: `room-${String(i).padStart(2, '0')}`, capacity }));
      // Slots start on the hour, shuffled in id so that time, not id, must order them.
      const slots = Array.from({ length: slotCount }, (_, i) => ({ id: `slot-${(i * 7) % slotCount}-${i}`, startsAt: at(9 + i) }));
      return {
        rooms,
        slots,
        sessions: sessions.map((session, i) => ({
          id: `session-${String(i).padStart(3, '0')}`,
          votes: session.votes,
          people: [...new Set(session.hosts.map((host) => `person-${host % people}`))],
          pinned:
            session.pin && rooms.length && slots.length
              ? { roomId: rooms[session.pin.room % rooms.length].id, slotId: slots[session.pin.slot % slots.length].id }
              : null,
        })),
      };
    });

const realisticEvent = eventArbitrary({ rooms: [1, 8], slots: [1, 6], sessions: [0, 60], people: [4, 30] });
/** Exactly the brief's size: 8 rooms, 6 slots, 60 proposals, 25 people. */
const fullDay = eventArbitrary({ rooms: [8, 8], slots: [6, 6], sessions: [60, 60], people: [25, 25] });

function capacityOf(input: SchedulerInput, roomId: string): number {
  return input.rooms.find((room) => room.id === roomId)!.capacity;
}

/** Every guarantee the scheduler documents, checked against one input and its result. */
function expectGuarantees(input: SchedulerInput, result: SchedulerResult): void {
  const sessions = new Map(input.sessions.map((session) => [session.id, session]));
  const slotIds = new Set(input.slots.map((slot) => slot.id));
  const roomIds = new Set(input.rooms.map((room) => room.id));

  // Every session accounted for exactly once.
  const accounted = [...result.assignments.map((a) => a.sessionId), ...result.unscheduled.map((u) => u.sessionId)];
  expect([...accounted].sort()).toEqual([...sessions.keys()].sort());

  // Only the event's rooms and slots, one session per room per slot.
  for (const a of result.assignments) {
    expect(slotIds.has(a.slotId) && roomIds.has(a.roomId)).toBe(true);
  }
  const places = result.assignments.map((a) => `${a.slotId}/${a.roomId}`);
  expect(new Set(places).size).toBe(places.length);

  // No clash: nobody in two sessions of one slot.
  expect(clashesIn(result.assignments.map((a) => ({ id: a.sessionId, slotId: a.slotId, people: sessions.get(a.sessionId)!.people })))).toEqual([]);

  // Pins kept, or released only when they conflict with a higher-ranked pin or name a place that is not the event's.
  for (const a of result.assignments.filter((a) => a.pinned)) {
    expect(sessions.get(a.sessionId)!.pinned).toEqual({ roomId: a.roomId, slotId: a.slotId });
  }
  const ranked = rankSessions(input.sessions);
  const rank = new Map(ranked.map((session, index) => [session.id, index]));
  const keptPins = result.assignments.filter((a) => a.pinned);
  for (const id of result.releasedPins) {
    const pin = sessions.get(id)!.pinned!;
    const conflicting = keptPins.some(
      (kept) =>
        kept.slotId === pin.slotId &&
        rank.get(kept.sessionId)! < rank.get(id)! &&
        (kept.roomId === pin.roomId || sessions.get(kept.sessionId)!.people.some((p) => sessions.get(id)!.people.includes(p))),
    );
    expect(conflicting || !slotIds.has(pin.slotId) || !roomIds.has(pin.roomId)).toBe(true);
  }
  for (const session of input.sessions.filter((s) => s.pinned)) {
    expect(keptPins.some((a) => a.sessionId === session.id) !== result.releasedPins.includes(session.id)).toBe(true);
  }

  // The popularity guarantees, for sessions the scheduler placed (not pinned ones).
  const placedAt = new Map(result.assignments.map((a) => [a.sessionId, a]));
  const rooms = roomOrder(input.rooms);
  const freeRooms = (slotId: string) => rooms.filter((room) => !keptPins.some((pin) => pin.slotId === slotId && pin.roomId === room.id));
  const unplaced = new Map(result.unscheduled.map((u) => [u.sessionId, u.reason]));
  for (const session of ranked.filter((s) => !keptPins.some((pin) => pin.sessionId === s.id))) {
    const above = ranked.slice(0, rank.get(session.id)!).filter((s) => placedAt.has(s.id) && !placedAt.get(s.id)!.pinned);
    const got = placedAt.get(session.id);
    let anyRoomLeft = false;
    for (const slot of input.slots) {
      const before = above.filter((s) => placedAt.get(s.id)!.slotId === slot.id);
      const offered = freeRooms(slot.id)[before.length];
      if (!offered) continue;
      anyRoomLeft = true;
      const peopleBusy = [...keptPins.filter((pin) => pin.slotId === slot.id).map((pin) => sessions.get(pin.sessionId)!), ...before].some((other) =>
        other.people.some((person) => session.people.includes(person)),
      );
      if (got && got.slotId === slot.id) {
        // In its own slot it has the biggest room no higher-ranked session took: a more voted
        // session in the same slot is never in a smaller room.
        expect(got.roomId).toBe(offered.id);
      } else if (!peopleBusy) {
        // Anywhere its people were free, the best room it could have had is no bigger.
        expect(got).toBeDefined();
        expect(offered.capacity).toBeLessThanOrEqual(capacityOf(input, got!.roomId));
      }
    }
    if (!got) expect(unplaced.get(session.id)).toBe(anyRoomLeft ? 'HOSTS_BUSY' : 'NO_ROOM_LEFT');
  }

  // Within a slot, among placed sessions, a higher-ranked one is never in a smaller room.
  for (const a of result.assignments.filter((x) => !x.pinned)) {
    for (const b of result.assignments.filter((x) => !x.pinned && x.slotId === a.slotId)) {
      if (rank.get(a.sessionId)! < rank.get(b.sessionId)!) {
        expect(capacityOf(input, a.roomId)).toBeGreaterThanOrEqual(capacityOf(input, b.roomId));
      }
    }
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('the unconference scheduler on generated events', () => {
  it('keeps every guarantee on events of realistic size', () => {
    fc.assert(
      fc.property(realisticEvent, (input) => {
        expectGuarantees(input, scheduleUnconference(input));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every guarantee on a full day: 8 rooms, 6 slots, 60 proposals, 25 people', () => {
    fc.assert(
      fc.property(fullDay, (input) => {
        const result = scheduleUnconference(input);
        expectGuarantees(input, result);
        // 48 places for 60 sessions: at least 12 are left out, and every place that a free person could use is used.
        expect(result.unscheduled.length).toBeGreaterThanOrEqual(12);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same timetable whatever order rooms, slots and sessions come in', () => {
    fc.assert(
      fc.property(realisticEvent, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const reordered = { rooms: shuffled(input.rooms, seed), slots: shuffled(input.slots, seed + 1), sessions: shuffled(input.sessions, seed + 2) };
        expect(scheduleUnconference(reordered)).toEqual(scheduleUnconference(input));
      }),
      { numRuns: 200 },
    );
  });

  it('fills every place when nobody hosts twice and there are enough sessions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat({ max: 50 }), { minLength: 48, maxLength: 60 }), (roomCount, slotCount, votes) => {
        const input: SchedulerInput = {
          rooms: Array.from({ length: roomCount }, (_, i) => ({ id: `r${i}`, capacity: 10 + i * 10 })),
          slots: Array.from({ length: slotCount }, (_, i) => ({ id: `s${i}`, startsAt: at(9 + i) })),
          sessions: votes.map((v, i) => ({ id: `x${String(i).padStart(2, '0')}`, votes: v, people: [`p${i}`] })),
        };
        const result = scheduleUnconference(input);
        expect(result.assignments).toHaveLength(roomCount * slotCount);
        expect(result.unscheduled.every((u) => u.reason === 'NO_ROOM_LEFT')).toBe(true);
        // The top slotCount sessions each have the biggest room, one per slot.
        const top = rankSessions(input.sessions).slice(0, slotCount).map((s) => s.id);
        const biggest = roomOrder(input.rooms)[0].id;
        const inBiggest = result.assignments.filter((a) => a.roomId === biggest).map((a) => a.sessionId);
        expect(inBiggest.sort()).toEqual([...top].sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe('the unconference scheduler, worked examples', () => {
  const rooms = [
    { id: 'small', capacity: 20 },
    { id: 'hall', capacity: 100 },
  ];
  const slots = [
    { id: 'afternoon', startsAt: at(14) },
    { id: 'morning', startsAt: at(10) },
  ];
  const session = (id: string, votes: number, people: string[], pinned?: SchedulerSession['pinned']): SchedulerSession => ({ id, votes, people, pinned });

  it('gives the two most voted sessions the hall, one in each slot, and the next two the small room', () => {
    const result = scheduleUnconference({
      rooms,
      slots,
      sessions: [session('a', 10, ['ann']), session('b', 8, ['bob']), session('c', 5, ['cai']), session('d', 1, ['dee'])],
    });
    expect(result).toEqual({
      assignments: [
        { sessionId: 'a', roomId: 'hall', slotId: 'morning', pinned: false },
        { sessionId: 'c', roomId: 'small', slotId: 'morning', pinned: false },
        { sessionId: 'b', roomId: 'hall', slotId: 'afternoon', pinned: false },
        { sessionId: 'd', roomId: 'small', slotId: 'afternoon', pinned: false },
      ],
      unscheduled: [],
      releasedPins: [],
    });
  });

  it('moves a session to another slot rather than put its host in two places, and breaks vote ties by id', () => {
    // Ann hosts a and co-hosts b; c and d tie on votes.
    const result = scheduleUnconference({
      rooms,
      slots,
      sessions: [session('a', 10, ['ann']), session('b', 9, ['bob', 'ann']), session('d', 3, ['dee']), session('c', 3, ['cai'])],
    });
    expect(result.assignments).toEqual([
      { sessionId: 'a', roomId: 'hall', slotId: 'morning', pinned: false },
      { sessionId: 'c', roomId: 'small', slotId: 'morning', pinned: false },
      { sessionId: 'b', roomId: 'hall', slotId: 'afternoon', pinned: false },
      { sessionId: 'd', roomId: 'small', slotId: 'afternoon', pinned: false },
    ]);
  });

  it('leaves a session out, saying why, when its hosts are busy wherever a room is left, or no room is left', () => {
    const busy = scheduleUnconference({
      rooms,
      slots: [slots[1]],
      sessions: [session('a', 10, ['ann']), session('b', 9, ['ann'])],
    });
    expect(busy.assignments).toEqual([{ sessionId: 'a', roomId: 'hall', slotId: 'morning', pinned: false }]);
    expect(busy.unscheduled).toEqual([{ sessionId: 'b', reason: 'HOSTS_BUSY' }]);

    const full = scheduleUnconference({
      rooms: [rooms[0]],
      slots: [slots[1]],
      sessions: [session('a', 10, ['ann']), session('b', 9, ['bob'])],
    });
    expect(full.unscheduled).toEqual([{ sessionId: 'b', reason: 'NO_ROOM_LEFT' }]);
  });

  it('keeps an organiser’s pin, and releases one that clashes with a higher-ranked pin', () => {
    const result = scheduleUnconference({
      rooms,
      slots,
      sessions: [
        session('a', 10, ['ann']),
        session('b', 2, ['bob'], { roomId: 'hall', slotId: 'morning' }),
        session('c', 1, ['bob'], { roomId: 'small', slotId: 'morning' }),
      ],
    });
    expect(result.releasedPins).toEqual(['c']);
    expect(result.assignments).toEqual([
      { sessionId: 'b', roomId: 'hall', slotId: 'morning', pinned: true },
      { sessionId: 'a', roomId: 'hall', slotId: 'afternoon', pinned: false },
      { sessionId: 'c', roomId: 'small', slotId: 'afternoon', pinned: false },
    ]);
  });

  it('orders slots by time and rooms by size, and finds clashes', () => {
    expect(slotOrder(slots).map((s) => s.id)).toEqual(['morning', 'afternoon']);
    expect(roomOrder(rooms).map((r) => r.id)).toEqual(['hall', 'small']);
    expect(clashesIn([
      { id: 'a', slotId: 'morning', people: ['ann', 'bob'] },
      { id: 'b', slotId: 'morning', people: ['bob'] },
      { id: 'c', slotId: 'afternoon', people: ['bob'] },
    ])).toEqual([{ slotId: 'morning', person: 'bob', sessionIds: ['a', 'b'] }]);
  });

  it('refuses an input that names one thing twice', () => {
    expect(() => scheduleUnconference({ rooms: [...rooms, rooms[0]], slots, sessions: [] })).toThrow('room id twice');
  });
});

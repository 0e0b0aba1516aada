/**
 * The unconference scheduler: a pure function from rooms, slots and voted sessions to a
 * timetable. No database, no clock: the same input always gives the same timetable.
 *
 * ## Method
 * 1. **Rank** the sessions: most votes first, ties by id (so the order is total and stable).
 * 2. **Pins.** In rank order, each pinned session takes its room in its slot, unless the room or
 *    slot is not the event's, the place is already taken by a higher-ranked pin, or one of its
 *    people is already in a higher-ranked pin in that slot. A pin that cannot be kept is
 *    *released* (reported), and the session is placed like any other.
 * 3. **Free rooms.** In each slot, the rooms no pin took, biggest first (ties by id).
 * 4. **Placing**, in rank order, each session not pinned goes to the slot where it gets the
 *    biggest room, among the slots where none of its people (host and co-hosts) is already in a
 *    session and a free room is left. In a slot it takes the biggest free room not yet given to a
 *    higher-ranked session. Between slots offering rooms of the same size it takes the one with
 *    fewer sessions so far, then the earlier one: popular sessions spread across the day rather
 *    than piling into the first slot.
 * 5. A session with no such slot is **unscheduled**, with the reason: `NO_ROOM_LEFT` when every
 *    slot's rooms were taken by higher-ranked sessions, `HOSTS_BUSY` when some slot still had a
 *    room but one of its people was busy in every such slot.
 *
 * ## Guarantees (each one is a property test in unconference-scheduler.spec.ts)
 * - **No clash:** nobody (host or co-host) is in two sessions in the same slot.
 * - **One session per room per slot,** in the event's own rooms and slots.
 * - **Every session is accounted for** exactly once: assigned or unscheduled with a reason.
 * - **Popular sessions in big rooms, within a slot:** of two sessions placed (not pinned) in the
 *   same slot, the one ranked higher is never in a smaller room.
 * - **No session could have had a bigger room without moving a session ranked above it:** for a
 *   session placed by the scheduler, every slot where none of its people is in a pinned or
 *   higher-ranked session offers it, at best, a room no bigger than the one it got. In
 *   particular the most voted session gets the biggest room there is (unless pins took it or
 *   every slot's biggest room went to a clashing pin), and the top sessions each get the biggest
 *   free room of a different slot while their hosts allow it.
 * - **Pins are kept** unless they conflict, as above, and only then released.
 * - **Deterministic:** the order of the input lists makes no difference.
 *
 * It does not claim a globally best timetable (which would need a search over every timetable);
 * it claims the greedy guarantee above, which is what "most popular sessions in the biggest rooms"
 * means session by session, and it never breaks the no-clash rule to get there.
 */

export interface SchedulerRoom {
  id: string;
  capacity: number;
}

export interface SchedulerSlot {
  id: string;
  /** Orders the slots (earliest first); ties by id. */
  startsAt: Date;
}

export interface SchedulerSession {
  id: string;
  votes: number;
  /** The host and co-hosts: people who must not be in two sessions at once. */
  people: readonly string[];
  /** A place the organiser fixed, kept if it does not conflict. */
  pinned?: { roomId: string; slotId: string } | null;
}

export interface SchedulerInput {
  rooms: readonly SchedulerRoom[];
  slots: readonly SchedulerSlot[];
  sessions: readonly SchedulerSession[];
}

export interface SchedulerAssignment {
  sessionId: string;
  roomId: string;
  slotId: string;
  /** Kept where the organiser pinned it. */
  pinned: boolean;
}

export type UnscheduledReason = 'NO_ROOM_LEFT' | 'HOSTS_BUSY';

export interface SchedulerUnscheduled {
  sessionId: string;
  reason: UnscheduledReason;
}

export interface SchedulerResult {
  /** In slot order, then biggest room first. */
  assignments: SchedulerAssignment[];
  /** In rank order. */
  unscheduled: SchedulerUnscheduled[];
  /** Sessions whose pin could not be kept (they were placed, or not, like the rest). */
  releasedPins: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Most votes first, ties by id: the order the scheduler gives out rooms in. */
export function rankSessions<T extends Pick<SchedulerSession, 'id' | 'votes'>>(sessions: readonly T[]): T[] {
  return [...sessions].sort((a, b) => b.votes - a.votes || byId(a, b));
}

/** Biggest first, ties by id. */
export function roomOrder<T extends SchedulerRoom>(rooms: readonly T[]): T[] {
  return [...rooms].sort((a, b) => b.capacity - a.capacity || byId(a, b));
}

/** Earliest first, ties by id. */
export function slotOrder<T extends SchedulerSlot>(slots: readonly T[]): T[] {
  return [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || byId(a, b));
}

export function scheduleUnconference(input: SchedulerInput): SchedulerResult {
  assertUnique('room', input.rooms);
  assertUnique('slot', input.slots);
  assertUnique('session', input.sessions);
  const rooms = roomOrder(input.rooms);
  const slots = slotOrder(input.slots);
  const ranked = rankSessions(input.sessions);
  const roomIds = new Set(rooms.map((room) => room.id));

  // Per slot: rooms taken by pins, people busy, and sessions placed so far.
  const pinnedRooms = new Map(slots.map((slot) => [slot.id, new Set<string>()]));
  const busy = new Map(slots.map((slot) => [slot.id, new Set<string>()]));
  const assignments: SchedulerAssignment[] = [];
  const releasedPins: string[] = [];
  const toPlace: SchedulerSession[] = [];

  for (const session of ranked) {
    const pin = session.pinned;
    if (!pin) {
      toPlace.push(session);
      continue;
    }
    const taken = pinnedRooms.get(pin.slotId);
    const people = busy.get(pin.slotId);
    if (!taken || !people || !roomIds.has(pin.roomId) || taken.has(pin.roomId) || session.people.some((person) => people.has(person))) {
      releasedPins.push(session.id);
      toPlace.push(session);
      continue;
    }
    taken.add(pin.roomId);
    for (const person of session.people) people.add(person);
    assignments.push({ sessionId: session.id, roomId: pin.roomId, slotId: pin.slotId, pinned: true });
  }

  const free = new Map(slots.map((slot) => [slot.id, rooms.filter((room) => !pinnedRooms.get(slot.id)!.has(room.id))]));
  const placed = new Map(slots.map((slot) => [slot.id, 0]));
  const unscheduled: SchedulerUnscheduled[] = [];

  for (const session of toPlace) {
    let best: { slotId: string; room: SchedulerRoom; placedSoFar: number } | null = null;
    let anyRoomLeft = false;
    for (const slot of slots) {
      const index = placed.get(slot.id)!;
      const room = free.get(slot.id)![index];
      if (!room) continue;
      anyRoomLeft = true;
      if (session.people.some((person) => busy.get(slot.id)!.has(person))) continue;
      // Strictly better only: an equal offer from a later slot loses to the earlier one.
      if (!best || room.capacity > best.room.capacity || (room.capacity === best.room.capacity && index < best.placedSoFar)) {
        best = { slotId: slot.id, room, placedSoFar: index };
      }
    }
    if (!best) {
      unscheduled.push({ sessionId: session.id, reason: anyRoomLeft ? 'HOSTS_BUSY' : 'NO_ROOM_LEFT' });
      continue;
    }
    placed.set(best.slotId, best.placedSoFar + 1);
    for (const person of session.people) busy.get(best.slotId)!.add(person);
    assignments.push({ sessionId: session.id, roomId: best.room.id, slotId: best.slotId, pinned: false });
  }

  const slotIndex = new Map(slots.map((slot, index) => [slot.id, index]));
  const roomIndex = new Map(rooms.map((room, index) => [room.id, index]));
  assignments.sort((a, b) => slotIndex.get(a.slotId)! - slotIndex.get(b.slotId)! || roomIndex.get(a.roomId)! - roomIndex.get(b.roomId)!);
  return { assignments, unscheduled, releasedPins };
}

/**
 * The people two or more sessions share in one slot, if any: what an organiser's manual move is
 * checked against (and what the scheduler never produces).
 */
export function clashesIn(sessions: readonly { id: string; slotId: string; people: readonly string[] }[]): { slotId: string; person: string; sessionIds: string[] }[] {
  const seen = new Map<string, string[]>();
  for (const session of sessions) {
    for (const person of new Set(session.people)) {
      const key = `${session.slotId}\u0000${person}`;
      seen.set(key, [...(seen.get(key) ?? []), session.id]);
    }
  }
  return [...seen.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, sessionIds]) => {
      const [slotId, person] = key.split('\u0000');
      return { slotId, person, sessionIds };
    });
}

function assertUnique(kind: string, items: readonly { id: string }[]): void {
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) throw new Error(`The scheduler was given a ${kind} id twice`);
}

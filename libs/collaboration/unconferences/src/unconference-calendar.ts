import { Inject, Injectable } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { renderICalendar, type CalendarEntry } from '@hearth/platform-calendar';
import { TransactionManager } from '@hearth/platform-database';
import type { Unconference } from './unconference.model';

/** Whose eyes a feed is for: signed-in people (abstracts and hosts), or anyone with the link. */
export type CalendarAudience = 'signed-in' | 'public';

interface TimetableRow {
  proposal_id: string;
  title: string;
  abstract: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  updated_at: Date;
  hosts: string[];
}

/**
 * A published timetable as iCalendar: one entry per session, its uid the proposal's (so a
 * session moved to another room or slot updates in people's calendars rather than appearing
 * twice). The public feed (the `.ics` link a calendar app subscribes to, which cannot sign in)
 * carries only what the published timetable shows the world: titles, rooms, times and the venue;
 * never abstracts or anyone's name.
 */
@Injectable()
export class UnconferenceCalendar {
  constructor(
    private readonly transactions: TransactionManager,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  /** The feed, or null unless the timetable is published (or the event finished). */
  async render(event: Unconference, audience: CalendarAudience, now?: Date): Promise<string | null> {
    if (event.status !== 'published' && event.status !== 'finished') return null;
    const rows = await this.transactions.query<TimetableRow>(
      `select p.id as proposal_id, p.title, p.abstract, r.name as room_name, sl.starts_at, sl.ends_at,
              greatest(p.updated_at, s.created_at) as updated_at,
              array[h.display_name] || array(select c.display_name from hearth.proposal_cohost pc
                                               join hearth.unconference_participant c on c.id = pc.participant_id
                                              where pc.proposal_id = p.id order by c.display_name) as hosts
         from hearth.scheduled_session s
         join hearth.session_proposal p on p.id = s.proposal_id
         join hearth.unconference_participant h on h.id = p.host_participant_id
         join hearth.unconference_room r on r.id = s.room_id
         join hearth.unconference_slot sl on sl.id = s.slot_id
        where s.unconference_id = $1
        order by sl.starts_at, r.capacity desc, r.name`,
      [event.id],
    );
    const url = `${this.config.consoleUrl.replace(/\/$/, '')}/unconferences/${event.id}`;
    const entries = rows.map((row): CalendarEntry => {
      const details =
        audience === 'signed-in'
          ? [row.abstract.trim(), `Hosted by ${row.hosts.join(', ')}`].filter(Boolean).join('\n\n')
          : `A session of ${event.title}.`;
      return {
        uid: `${row.proposal_id}@unconferences.hearth`,
        start: row.starts_at,
        end: row.ends_at,
        summary: row.title,
        description: details,
        location: [row.room_name, event.venue].filter(Boolean).join(', '),
        updatedAt: row.updated_at,
        url,
      };
    });
    return renderICalendar({ name: event.title, entries, now });
  }
}

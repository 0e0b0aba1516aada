import { Controller, Get, Header, Param, UseFilters, UseInterceptors } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { Public } from '@hearth/platform-auth';
import { HttpErrorFilter, UnitOfWorkInterceptor } from '@hearth/platform-imports';
import { UnconferenceReader } from './unconference.reader';
import { UnconferenceCalendar } from './unconference-calendar';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /calendar/unconferences/:id.ics`: a published timetable for calendar apps to subscribe
 * to. Public on purpose: Outlook, Google and Apple calendars fetch feeds without signing in.
 * It answers only for a published (or finished) event, and the public feed carries titles,
 * rooms, times and the venue, never abstracts or anyone's name (UnconferenceCalendar). Anything
 * else is 404, so the link tells nothing about drafts. Its unit of work has no organisation bound:
 * it reads the shared tables under their open read policies, and cannot read a vote.
 */
@Controller('calendar/unconferences')
@UseFilters(HttpErrorFilter)
@UseInterceptors(UnitOfWorkInterceptor)
export class UnconferenceCalendarController {
  constructor(
    private readonly reader: UnconferenceReader,
    private readonly calendar: UnconferenceCalendar,
  ) {}

  @Get(':file')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const id = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const missing = new HearthError('NOT_FOUND', 'There is no published unconference timetable at this address');
    if (!UUID.test(id)) throw missing;
    const event = await this.reader.event(id);
    const feed = event && (await this.calendar.render(event, 'public'));
    if (!feed) throw missing;
    return feed;
  }
}

import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { Public } from '@hearth/platform-auth';
import { CalendarFeedService } from './calendar-feed.service';

/** Where a feed address points: `calendar/feeds/<token>.ics`, as `rotateSpaceCalendarFeed` makes it. */
export const CALENDAR_FEED_PATH = 'calendar/feeds';

/**
 * `GET /calendar/feeds/<token>.ics`: a person's bookings as iCalendar. Calendar clients fetch it
 * without signing in, so the token in the address is the only key: an unknown one is a plain 404
 * that says nothing of who or whether.
 */
@Controller(CALENDAR_FEED_PATH)
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const match = /^(.+)\.ics$/.exec(file);
    const body = match ? await this.feeds.render(match[1]) : null;
    if (body === null) throw new NotFoundException('No such calendar feed');
    return body;
  }
}

import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import type { GraphQLRequestContext } from '@hearth/platform-graphql';
import { spacesPermissions as can } from '../spaces.permissions';
import { CALENDAR_FEED_PATH } from './calendar-feed.controller';
import { SpaceCalendarFeed } from './calendar-feed.model';
import { CalendarFeedService } from './calendar-feed.service';

@Resolver(() => SpaceCalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Query(() => SpaceCalendarFeed, { description: 'Whether the signed-in person has a calendar feed of their bookings, and since when (never its address).' })
  @Access(can.book)
  mySpaceCalendarFeed(): Promise<SpaceCalendarFeed> {
    return this.feeds.status();
  }

  @Mutation(() => SpaceCalendarFeed, { description: 'Makes the signed-in person’s calendar feed address, or a new one that replaces it; the answer holds the address, shown this once.' })
  @Access(can.book)
  async rotateSpaceCalendarFeed(@Context() context: GraphQLRequestContext): Promise<SpaceCalendarFeed> {
    const { token, feed } = await this.feeds.rotate();
    const request = context.req;
    return Object.assign(feed, { url: `${request.protocol}://${request.get('host')}/${CALENDAR_FEED_PATH}/${token}.ics` });
  }
}

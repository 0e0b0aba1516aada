import { HearthModule } from '@hearth/platform-kernel';
import { AvailabilityService } from './bookings/availability.service';
import { BookingsResolver } from './bookings/bookings.resolver';
import { BookingsService } from './bookings/bookings.service';
import { NoShowReleaseProcessor } from './bookings/no-show-release.processor';
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeedResolver } from './calendar/calendar-feed.resolver';
import { CalendarFeedService } from './calendar/calendar-feed.service';
import { guestIdentityDirectoryProvider } from './guests/guest-identity-directory';
import { GuestOrganisationsResolver } from './guests/guest-organisations.resolver';
import { GuestOrganisationsService } from './guests/guest-organisations.service';
import { Spaces1764300000000 } from './migrations/1764300000000-spaces';
import { QuotasResolver } from './quotas/quotas.resolver';
import { QuotasService } from './quotas/quotas.service';
import { SpacesEvents } from './spaces-events';
import { spacesEvents, spacesPermissions } from './spaces.permissions';
import { UsageResolver } from './usage/usage.resolver';
import { UsageService } from './usage/usage.service';
import { BookableSpaceResolver, VenuesResolver } from './venues/venues.resolver';
import { VenuesService } from './venues/venues.service';

/**
 * Shared spaces: venues run by the consortium or by a member, with desks and rooms that staff of
 * every member and of invited guest organisations book. Core, because guests (who have no member,
 * and so no switched-on modules) need it, and it is a consortium amenity every member has.
 * Clashes are refused by PostgreSQL; bookings are private to their organisation, and others see
 * only that a space is taken (ADR 16). Also keeps the guest directory (councils, health boards).
 */
@HearthModule({
  key: 'spaces',
  name: 'Shared spaces',
  description: 'Desks and rooms in shared venues, booked by staff of every member and of invited guest organisations, with fair-use quotas, check-in and a usage report.',
  version: '1.0.0',
  core: true,
  migrations: [Spaces1764300000000],
  providers: [
    SpacesEvents,
    VenuesService,
    QuotasService,
    BookingsService,
    AvailabilityService,
    UsageService,
    CalendarFeedService,
    GuestOrganisationsService,
    guestIdentityDirectoryProvider,
    NoShowReleaseProcessor,
  ],
  resolvers: [VenuesResolver, BookableSpaceResolver, BookingsResolver, QuotasResolver, UsageResolver, CalendarFeedResolver, GuestOrganisationsResolver],
  controllers: [CalendarFeedController],
  processors: [NoShowReleaseProcessor],
  permissions: spacesPermissions,
  events: { emits: spacesEvents },
  exports: [VenuesService, BookingsService, QuotasService, GuestOrganisationsService, CalendarFeedService],
  console: {
    routes: [
      { path: 'spaces', title: { en: 'Shared spaces', cy: 'Mannau a rennir' }, roles: spacesPermissions.read.roles },
      { path: 'spaces/bookings', title: { en: 'My bookings', cy: 'Fy archebion' }, roles: spacesPermissions.book.roles },
      { path: 'spaces/usage', title: { en: 'Space usage', cy: 'Defnydd o’r mannau' }, roles: spacesPermissions.report.roles },
      { path: 'spaces/venues', title: { en: 'Venues', cy: 'Lleoliadau' }, roles: spacesPermissions.manageVenues.roles },
      { path: 'guests', title: { en: 'Guest organisations', cy: 'Sefydliadau gwadd' }, roles: spacesPermissions.manageGuests.roles },
    ],
  },
})
export class SpacesModule {}

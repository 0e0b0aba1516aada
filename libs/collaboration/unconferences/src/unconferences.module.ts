import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { HearthModule } from '@hearth/platform-kernel';
import { RequestContextMiddleware } from '@hearth/platform-graphql';
import { Unconferences1764310000000 } from './migrations/1764310000000-unconferences';
import { SessionProposalResolver, UnconferenceSessionNoteResolver, UnconferenceSessionResolver, UnconferenceTimetableResolver } from './session-proposal.resolver';
import { SessionProposalService } from './session-proposal.service';
import { UnconferenceCalendar } from './unconference-calendar';
import { UnconferenceCalendarController } from './unconference-calendar.controller';
import { UnconferenceReader } from './unconference.reader';
import { UnconferenceResolver } from './unconference.resolver';
import { UnconferenceService } from './unconference.service';
import { UnconferenceWork } from './unconference-work';
import { unconferencesEvents, unconferencesPermissions } from './unconferences.permissions';

/**
 * Unconferences: events with rooms and time slots where participants from any member (and
 * invited guests) propose sessions with co-hosts, vote, and get a timetable without clashes,
 * published in the console and as iCalendar, with notes shared afterwards. Core, because it is
 * the consortium's rather than one member's, and guests (who have no member) must reach it;
 * who sees and writes what is said by the tables' policies (docs/collaboration/unconferences.md).
 */
@HearthModule({
  key: 'unconferences',
  name: 'Unconferences',
  description: 'Events where members and guests propose sessions, vote, and get a timetable without clashes, published in the console and as iCalendar, with shared notes.',
  version: '1.0.0',
  core: true,
  migrations: [Unconferences1764310000000],
  providers: [UnconferenceWork, UnconferenceReader, UnconferenceService, SessionProposalService, UnconferenceCalendar],
  resolvers: [UnconferenceResolver, SessionProposalResolver, UnconferenceTimetableResolver, UnconferenceSessionResolver, UnconferenceSessionNoteResolver],
  controllers: [UnconferenceCalendarController],
  exports: [UnconferenceService, SessionProposalService],
  permissions: unconferencesPermissions,
  events: { emits: unconferencesEvents },
  console: {
    routes: [{ path: 'unconferences', title: { en: 'Unconferences', cy: 'Anghynadleddau' }, roles: unconferencesPermissions.read.roles }],
  },
})
export class UnconferencesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The public .ics feed is an HTTP route outside GraphQL: it needs a unit of work of its own.
    consumer.apply(RequestContextMiddleware).forRoutes(UnconferenceCalendarController);
  }
}

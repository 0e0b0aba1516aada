import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { isCalendarDay } from '@hearth/platform-calendar';
import { HearthError } from '@hearth/platform-core';
import { connectionCost, IdArg, requestLoader, type ConnectionShape } from '@hearth/platform-graphql';
import { spacesPermissions as can } from '../spaces.permissions';
import { BookableSpace } from '../venues/venue.model';
import { VenuesService } from '../venues/venues.service';
import { AvailabilityService } from './availability.service';
import {
  SpaceAvailability,
  SpaceBooking,
  SpaceBookingCancelResult,
  SpaceBookingCheckInResult,
  SpaceBookingConnection,
  SpaceBookingResult,
} from './booking.model';
import { BookingsService } from './bookings.service';
import { SpaceAvailabilityArgs, SpaceBookingInput, SpaceBookingsArgs } from './dto/space-booking.input';

@Resolver(() => SpaceBooking)
export class BookingsResolver {
  constructor(
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly venues: VenuesService,
  ) {}

  @Query(() => SpaceAvailability, { nullable: true, description: "A venue's desks and rooms on one day and when each is taken; null when there is no such venue." })
  @Access(can.read)
  async spaceAvailability(@Args() args: SpaceAvailabilityArgs): Promise<SpaceAvailability | null> {
    if (!isCalendarDay(args.date)) throw new HearthError('BAD_USER_INPUT', 'date must be a real date written YYYY-MM-DD', { field: 'date' });
    const venue = await this.venues.venue(args.venueId);
    return venue ? this.availability.day(venue, args.date) : null;
  }

  @Query(() => SpaceBookingConnection, { description: 'The signed-in person’s own bookings: upcoming ones soonest first, or all newest first.', complexity: connectionCost })
  @Access(can.book)
  mySpaceBookings(@Args() args: SpaceBookingsArgs): Promise<ConnectionShape<SpaceBooking>> {
    return this.bookings.mine(args);
  }

  @Query(() => SpaceBooking, { nullable: true, description: "One of the caller's organisation's bookings." })
  @Access(can.book)
  async spaceBooking(@IdArg('id') id: string): Promise<SpaceBooking | null> {
    return (await this.bookings.byIds([id])).get(id) ?? null;
  }

  @Mutation(() => SpaceBookingResult, {
    description: 'Books a desk or room for the caller’s organisation. A clash is refused by PostgreSQL and answered with what is free instead.',
  })
  @Access(can.book)
  bookSpace(@Args('input') input: SpaceBookingInput): Promise<typeof SpaceBookingResult> {
    return this.bookings.book(input);
  }

  @Mutation(() => SpaceBookingCheckInResult, { description: 'Checks a booking in, from shortly before its start until the end of its grace period.' })
  @Access(can.book)
  checkInSpaceBooking(@IdArg('id') id: string): Promise<typeof SpaceBookingCheckInResult> {
    return this.bookings.checkIn(id);
  }

  @Mutation(() => SpaceBookingCancelResult, { description: 'Cancels a booking before it starts: the booker, or a tenant admin of their member.' })
  @Access(can.book)
  cancelSpaceBooking(@IdArg('id') id: string): Promise<typeof SpaceBookingCancelResult> {
    return this.bookings.cancel(id);
  }

  @ResolveField(() => BookableSpace)
  space(@Parent() booking: SpaceBooking): Promise<BookableSpace> {
    return requestLoader<string, BookableSpace>('spaces.space', async (ids) => {
      const found = await this.venues.spacesByIds(ids);
      return ids.map((id) => found.get(id) ?? new Error(`No desk or room ${id}`));
    }).load(booking.spaceId);
  }
}

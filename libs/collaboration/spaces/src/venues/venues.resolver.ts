import { Args, ArgsType, Field, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg, PageArgs, requestLoader, type ConnectionShape } from '@hearth/platform-graphql';
import { BookableSpaceFilter } from '../bookings/dto/space-booking.input';
import { spacesPermissions as can } from '../spaces.permissions';
import { BookableSpaceInput, VenueInput } from './dto/venue.input';
import { BookableSpace, BookableSpaceSaveResult, Venue, VenueConnection, VenueSaveResult } from './venue.model';
import { VenuesService } from './venues.service';

@ArgsType()
export class VenuesArgs extends PageArgs {
  @Field({ nullable: true, description: 'Include venues that take no bookings now (for the people who keep them).' })
  @IsOptional()
  includeInactive?: boolean;
}

@Resolver(() => Venue)
export class VenuesResolver {
  constructor(private readonly service: VenuesService) {}

  @Query(() => VenueConnection, { description: 'Venues with desks and rooms to book, by name.', complexity: connectionCost })
  @Access(can.read)
  venues(@Args() args: VenuesArgs): Promise<ConnectionShape<Venue>> {
    return this.service.list(args);
  }

  @Query(() => Venue, { nullable: true })
  @Access(can.read)
  venue(@IdArg('id') id: string): Promise<Venue | null> {
    return this.service.venue(id);
  }

  @Query(() => [BookableSpace], {
    description: 'Desks and rooms matching the filter (at most 200), by venue; given a start and end, only those free for all of it.',
  })
  @Access(can.read)
  bookableSpaces(@Args('filter', { type: () => BookableSpaceFilter, nullable: true }) filter?: BookableSpaceFilter): Promise<BookableSpace[]> {
    return this.service.find(filter ?? {});
  }

  @Mutation(() => VenueSaveResult, { description: 'Adds or changes a venue: the consortium’s (consortium admins, no member chosen) or one the member runs (its tenant admins).' })
  @Access(can.manageVenues)
  saveVenue(@Args('input') input: VenueInput): Promise<typeof VenueSaveResult> {
    return this.service.saveVenue(input);
  }

  @Mutation(() => BookableSpaceSaveResult, { description: 'Adds or changes a desk or room of a venue the caller keeps.' })
  @Access(can.manageVenues)
  saveBookableSpace(@Args('input') input: BookableSpaceInput): Promise<typeof BookableSpaceSaveResult> {
    return this.service.saveSpace(input);
  }

  @ResolveField(() => [BookableSpace], { description: 'Its desks and rooms, desks first.' })
  spaces(
    @Parent() venue: Venue,
    @Args('includeInactive', { nullable: true, defaultValue: false }) includeInactive: boolean,
  ): Promise<BookableSpace[]> {
    return requestLoader<string, BookableSpace[]>(`spaces.venue-spaces:${includeInactive}`, async (ids) => {
      const byVenue = await this.service.spacesOfVenues(ids, includeInactive);
      return ids.map((id) => byVenue.get(id) ?? []);
    }).load(venue.id);
  }
}

@Resolver(() => BookableSpace)
export class BookableSpaceResolver {
  constructor(private readonly venues: VenuesService) {}

  @ResolveField(() => Venue)
  venue(@Parent() space: BookableSpace): Promise<Venue> {
    return requestLoader<string, Venue>('spaces.venue', async (ids) => {
      const found = await this.venues.venuesByIds(ids);
      return ids.map((id) => found.get(id) ?? new Error(`No venue ${id}`));
    }).load(space.venueId);
  }
}

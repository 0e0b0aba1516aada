import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'The signed-in person’s iCalendar feed of their bookings, for Outlook, Google or Apple calendars. Its address is a secret: ' +
    'only a hash of it is kept, so the address is shown once, when it is made; making a new one stops the old one working.',
})
export class SpaceCalendarFeed {
  @Field({ description: 'True when the person has a feed.' }) active!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the current address was made.' }) createdAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The address to subscribe to: only in the answer that made it.' }) url!: string | null;
}

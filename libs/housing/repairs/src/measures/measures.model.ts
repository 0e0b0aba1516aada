import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { HazardClockKind } from '../hazards/hazard.model';

@ObjectType({ description: 'Work orders completed in the period, and how many of them by their target.' })
export class RepairsPerformanceLine {
  @Field(() => Int, { description: 'Work orders whose completion time falls in the period (completed or inspected since).' }) completed!: number;
  @Field(() => Int, { description: 'Of those, completed at or before their target time (completed_at <= target_at).' }) withinTarget!: number;
  @Field(() => Float, { nullable: true, description: 'withinTarget / completed × 100, to one decimal place; null when none were completed.' })
  percentWithinTarget!: number | null;

  static of(completed: number, withinTarget: number): RepairsPerformanceLine {
    const percentWithinTarget = completed ? Math.round((1000 * withinTarget) / completed) / 10 : null;
    return Object.assign(new RepairsPerformanceLine(), { completed, withinTarget, percentWithinTarget });
  }
}

@ObjectType({
  description:
    'Tenant Satisfaction Measure RP02: repairs completed within target, emergency and non-emergency apart, counted by work order. ' +
    'A work order is emergency when its priority was an emergency one when raised. The period runs from the start of `from` to the end of `to`, UK days.',
})
export class RepairsPerformance {
  @Field({ description: 'First UK day of the period, YYYY-MM-DD.' }) from!: string;
  @Field({ description: 'Last UK day of the period (inclusive), YYYY-MM-DD.' }) to!: string;
  @Field(() => RepairsPerformanceLine, { description: 'RP02(1): emergency repairs.' }) emergency!: RepairsPerformanceLine;
  @Field(() => RepairsPerformanceLine, { description: 'RP02(2): non-emergency repairs.' }) nonEmergency!: RepairsPerformanceLine;
  @Field(() => RepairsPerformanceLine) total!: RepairsPerformanceLine;
}

@ObjectType({ description: "How one kind of statutory clock fared, over the clocks due in the period (waived clocks are left out: they no longer apply)." })
export class HazardClockPerformanceLine {
  @Field(() => HazardClockKind) clock!: HazardClockKind;
  @Field(() => Int, { description: 'Met before they were due.' }) metInTime!: number;
  @Field(() => Int, { description: 'Met at or after they were due.' }) metLate!: number;
  @Field(() => Int, { description: 'Due and not met (now).' }) missed!: number;
  @Field(() => Int, { description: 'Not yet due and not met (the period reaches into the future).' }) running!: number;
  @Field(() => Int, { description: 'All four together: the clocks due in the period that still apply.' }) due!: number;
}

@ObjectType({ description: 'Hazard cases against their Awaab\'s Law clocks, for the clocks due in the period.' })
export class HazardClockPerformance {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => [HazardClockPerformanceLine], { description: 'Every kind of clock, in statutory order (zeros where none fell due).' }) clocks!: HazardClockPerformanceLine[];
}

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RepairsPerformanceLine } from '../measures/measures.model';
import { WorkOrderStatus } from '../repairs/repairs.model';

@ObjectType({ description: 'How many open work orders are in one status.' })
export class WorkOrderStatusCount {
  @Field(() => WorkOrderStatus) status!: WorkOrderStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'RP02 for one UK calendar month: work orders completed in it, and how many within target.' })
export class RepairsMonthPerformance extends RepairsPerformanceLine {
  @Field({ description: 'The month, YYYY-MM.' }) month!: string;
}

@ObjectType({ description: "The repairs figures a dashboard shows, as they are now (see docs/repairs.md, \"The dashboard\")." })
export class RepairsDashboard {
  @Field(() => Date, { description: 'The moment the figures were counted at.' }) asAt!: Date;
  @Field(() => Int, { description: 'Repairs not cancelled that are awaiting triage or have a work order still open.' }) openRepairs!: number;
  @Field(() => Int, { description: 'Repairs reported and not yet triaged.' }) awaitingTriage!: number;
  @Field(() => Int, { description: 'Work orders not completed, inspected or cancelled.' }) openWorkOrders!: number;
  @Field(() => [WorkOrderStatusCount], { description: 'Open work orders by status, every open status in workflow order (zeros included).' })
  workOrdersByStatus!: WorkOrderStatusCount[];
  @Field(() => Int, { description: 'Open work orders past their target.' }) breached!: number;
  @Field(() => Int, { description: 'Open work orders not yet past their target that are due by nearBreachBefore.' }) nearBreach!: number;
  @Field(() => Date, { description: "The end of the member's next working day: what counts as near breach." }) nearBreachBefore!: Date;
  @Field(() => Int, { description: 'Hazard cases still open.' }) openHazardCases!: number;
  @Field(() => Int, { description: "Statutory clocks of open hazard cases that are started, unmet and not yet due." }) hazardClocksRunning!: number;
  @Field(() => Int, { description: 'Of the running clocks, those due within the next 7 days.' }) hazardClocksDueSoon!: number;
  @Field(() => Int, { description: 'Clocks of open hazard cases past their due time and not met.' }) hazardClocksMissed!: number;
  @Field(() => [RepairsMonthPerformance], { description: 'RP02 for each of the last `months` UK months, oldest first, the current month last (so far).' })
  completedInTarget!: RepairsMonthPerformance[];
}

import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Connection, enumOf, ErrorResult, PageArgs, resultUnion } from '@hearth/platform-graphql';
import { WEBHOOK_URL_RULES } from './url-policy';

export const WebhookEndpointStatus = enumOf(['active', 'disabled'] as const, {
  name: 'WebhookEndpointStatus',
  description: 'ACTIVE endpoints receive deliveries; DISABLED ones (failing for days, 410 Gone) receive none until enabled.',
});
export type WebhookEndpointStatus = (typeof WebhookEndpointStatus)[keyof typeof WebhookEndpointStatus];

export const WebhookDeliveryStatus = enumOf(['pending', 'succeeded', 'failed'] as const, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: being tried on the retry schedule; SUCCEEDED: a 2xx answer; FAILED: out of attempts, or its endpoint was disabled (replayable).',
});
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];

export const WebhookUrlRule = enumOf(WEBHOOK_URL_RULES, {
  name: 'WebhookUrlRule',
  description: 'The URL rule an endpoint broke: see docs/partners/webhooks.md#endpoint-urls.',
});

@ObjectType({ description: 'An event type a webhook endpoint can subscribe to, declared by an installed module.' })
export class WebhookEventType {
  @Field({ description: 'e.g. repairs.repair.raised' }) type!: string;
  @Field() description!: string;
  @Field({ description: 'The key of the module that emits it.' }) module!: string;
}

@ObjectType({ description: 'One HTTP attempt of a delivery: the delivery log.' })
export class WebhookAttempt {
  @Field(() => Int, { description: 'Counts every attempt of the delivery, replays included.' }) attempt!: number;
  @Field() startedAt!: Date;
  @Field(() => Int) durationMs!: number;
  @Field(() => Boolean) succeeded!: boolean;
  @Field(() => Int, { nullable: true, description: 'The HTTP status, if the endpoint answered.' }) responseStatus!: number | null;
  @Field(() => String, { nullable: true, description: 'The first kilobyte of the answer.' }) responseBody!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed: no answer in 15 s, refused connection, the URL policy, a non-2xx status.' })
  error!: string | null;
}

@ObjectType({ description: 'One event sent (or being sent) to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field({ description: 'The webhook-id header: msg_ + the event id without dashes, the same on every attempt and replay.' }) webhookId!: string;
  @Field(() => ID) eventId!: string;
  @Field() eventType!: string;
  @Field() aggregateType!: string;
  @Field() aggregateId!: string;
  @Field({ description: 'When the event occurred (the body\'s timestamp).' }) occurredAt!: Date;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made, replays included.' }) attempts!: number;
  @Field(() => Int, { description: 'Times it was replayed by hand.' }) replays!: number;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due, while PENDING.' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true }) lastResponseStatus!: number | null;
  @Field(() => String, { nullable: true }) lastResponseBody!: string | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) succeededAt!: Date | null;
  @Field(() => Date, { nullable: true }) failedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field({ description: 'The exact JSON body every attempt sends.' }) body!: string;
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}

@ObjectType({ description: "An HTTPS endpoint of a member's (or its partner's) that receives signed events." })
export class WebhookEndpoint {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field() description!: string;
  @Field(() => [String], { description: 'Subscribed event types; "*" is every type.' }) eventTypes!: string[];
  @Field(() => WebhookEndpointStatus) status!: WebhookEndpointStatus;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until then deliveries also carry a signature by the previous secret.' })
  previousSecretExpiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) secretRotatedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The first failure since the last success; it is disabled once this is 5 days old.' })
  failingSince!: Date | null;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class WebhookEndpointConnection extends Connection(WebhookEndpoint) {}

@ArgsType()
export class WebhookDeliveryArgs extends PageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(WebhookDeliveryStatus))
  status?: WebhookDeliveryStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  eventType?: string;
}

@ObjectType({ description: 'The endpoint as created, and its signing secret: shown this once, never again.' })
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field({ description: 'whsec_…: keep it in your receiver to verify webhook-signature. Hearth shows it only now.' }) secret!: string;
}

@ObjectType({ description: 'The new signing secret, shown this once; the previous one signs too until previousSecretExpiresAt.' })
export class WebhookSecretRotated {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field() secret!: string;
  @Field() previousSecretExpiresAt!: Date;
}

@ObjectType()
export class WebhookEndpointDeleted {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'How many deliveries were queued to be sent again, each with its own webhook-id.' })
export class WebhookDeliveriesReplayed {
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A webhooks.test event was written; it goes to this endpoint only, like any other delivery.' })
export class WebhookTestSent {
  @Field(() => ID) eventId!: string;
  @Field() webhookId!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'The URL breaks a rule (named); nothing was saved.' })
export class WebhookUrlRefused implements ErrorResult {
  @Field() code!: 'WEBHOOK_URL_REFUSED';
  @Field() message!: string;
  @Field(() => WebhookUrlRule) rule!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'An event type no installed module emits; nothing was saved.' })
export class WebhookEventTypeUnknown implements ErrorResult {
  @Field() code!: 'WEBHOOK_EVENT_TYPE_UNKNOWN';
  @Field() message!: string;
  @Field(() => [String]) unknown!: string[];
}

@ObjectType({ implements: () => ErrorResult })
export class WebhookEndpointNotFound implements ErrorResult {
  @Field() code!: 'WEBHOOK_ENDPOINT_NOT_FOUND';
  @Field() message!: string;
}

@ObjectType({ implements: () => ErrorResult })
export class WebhookDeliveryNotFound implements ErrorResult {
  @Field() code!: 'WEBHOOK_DELIVERY_NOT_FOUND';
  @Field() message!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'The endpoint is disabled: enable it first.' })
export class WebhookEndpointDisabled implements ErrorResult {
  @Field() code!: 'WEBHOOK_ENDPOINT_DISABLED';
  @Field() message!: string;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
}

@ObjectType({ implements: () => ErrorResult, description: 'The delivery is still being tried on its schedule.' })
export class WebhookDeliveryPending implements ErrorResult {
  @Field() code!: 'WEBHOOK_DELIVERY_PENDING';
  @Field() message!: string;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
}

export function problem<T extends object>(type: new () => T, fields: Partial<T>): T {
  return Object.assign(new type(), fields);
}

export const CreateWebhookEndpointResult = resultUnion('CreateWebhookEndpointResult', 'The endpoint and its secret, or why it was not created.', [
  WebhookEndpointCreated, WebhookUrlRefused, WebhookEventTypeUnknown,
]);
export const UpdateWebhookEndpointResult = resultUnion('UpdateWebhookEndpointResult', 'The endpoint after the change, or why not.', [
  WebhookEndpoint, WebhookEndpointNotFound, WebhookUrlRefused, WebhookEventTypeUnknown,
]);
export const RotateWebhookSecretResult = resultUnion('RotateWebhookSecretResult', 'The new secret, or why there is none.', [
  WebhookSecretRotated, WebhookEndpointNotFound,
]);
export const EnableWebhookEndpointResult = resultUnion('EnableWebhookEndpointResult', 'The endpoint, active, or why not.', [
  WebhookEndpoint, WebhookEndpointNotFound, WebhookUrlRefused,
]);
export const DeleteWebhookEndpointResult = resultUnion('DeleteWebhookEndpointResult', 'The endpoint deleted, or why none was.', [
  WebhookEndpointDeleted, WebhookEndpointNotFound,
]);
export const ReplayWebhookDeliveryResult = resultUnion('ReplayWebhookDeliveryResult', 'The delivery, queued again, or why not.', [
  WebhookDelivery, WebhookDeliveryNotFound, WebhookEndpointDisabled, WebhookDeliveryPending,
]);
export const ReplayWebhookDeliveriesResult = resultUnion('ReplayWebhookDeliveriesResult', 'How many deliveries were queued again, or why none.', [
  WebhookDeliveriesReplayed, WebhookEndpointNotFound, WebhookEndpointDisabled,
]);
export const SendTestWebhookResult = resultUnion('SendTestWebhookResult', 'The test event written, or why not.', [
  WebhookTestSent, WebhookEndpointNotFound, WebhookEndpointDisabled,
]);

import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg, PageArgs, requestLoader } from '@hearth/platform-graphql';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './dto/webhook-endpoint.input';
import {
  CreateWebhookEndpointResult,
  DeleteWebhookEndpointResult,
  EnableWebhookEndpointResult,
  ReplayWebhookDeliveriesResult,
  ReplayWebhookDeliveryResult,
  RotateWebhookSecretResult,
  SendTestWebhookResult,
  UpdateWebhookEndpointResult,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryArgs,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointConnection,
  WebhookEventType,
} from './webhook.model';
import { WebhookEndpoints } from './webhook-endpoints.service';
import { webhookPermissions as can } from './webhooks.permissions';

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @Query(() => [WebhookEventType], { description: 'The event types an endpoint can subscribe to: every event an installed module emits.' })
  @Access(can.read)
  webhookEventTypes(): WebhookEventType[] {
    return this.endpoints.eventTypes();
  }

  @Query(() => WebhookEndpointConnection, { description: "The member's webhook endpoints, newest first.", complexity: connectionCost })
  @Access(can.read)
  webhookEndpoints(@Args() page: PageArgs): Promise<WebhookEndpointConnection> {
    return this.endpoints.list(page);
  }

  @Query(() => WebhookEndpoint, { nullable: true })
  @Access(can.read)
  webhookEndpoint(@IdArg('id') id: string): Promise<WebhookEndpoint | null> {
    return this.endpoints.find(id);
  }

  @Query(() => WebhookDelivery, { nullable: true })
  @Access(can.read)
  webhookDelivery(@IdArg('id') id: string): Promise<WebhookDelivery | null> {
    return this.endpoints.delivery(id);
  }

  @ResolveField(() => WebhookDeliveryConnection, { description: 'The delivery log, newest event first.', complexity: connectionCost })
  deliveries(@Parent() endpoint: WebhookEndpoint, @Args() args: WebhookDeliveryArgs): Promise<WebhookDeliveryConnection> {
    return this.endpoints.deliveries(endpoint.id, args);
  }

  @Mutation(() => CreateWebhookEndpointResult, { description: 'Subscribes an endpoint; the answer carries its signing secret, once.' })
  @Access(can.manage)
  createWebhookEndpoint(@Args('input') input: CreateWebhookEndpointInput): Promise<typeof CreateWebhookEndpointResult> {
    return this.endpoints.create(input);
  }

  @Mutation(() => UpdateWebhookEndpointResult)
  @Access(can.manage)
  updateWebhookEndpoint(@IdArg('id') id: string, @Args('input') input: UpdateWebhookEndpointInput): Promise<typeof UpdateWebhookEndpointResult> {
    return this.endpoints.update(id, input);
  }

  @Mutation(() => RotateWebhookSecretResult, { description: 'A new secret, answered once; the old one also signs for 24 hours.' })
  @Access(can.manage)
  rotateWebhookSecret(@IdArg('id') id: string): Promise<typeof RotateWebhookSecretResult> {
    return this.endpoints.rotateSecret(id);
  }

  @Mutation(() => EnableWebhookEndpointResult, { description: 'Re-enables a disabled endpoint; replay its FAILED deliveries afterwards.' })
  @Access(can.manage)
  enableWebhookEndpoint(@IdArg('id') id: string): Promise<typeof EnableWebhookEndpointResult> {
    return this.endpoints.enable(id);
  }

  @Mutation(() => DeleteWebhookEndpointResult)
  @Access(can.manage)
  deleteWebhookEndpoint(@IdArg('id') id: string): Promise<typeof DeleteWebhookEndpointResult> {
    return this.endpoints.delete(id);
  }

  @Mutation(() => ReplayWebhookDeliveryResult, { description: 'Sends a finished delivery again with the same webhook-id, from the start of the retry schedule.' })
  @Access(can.manage)
  replayWebhookDelivery(@IdArg('id') id: string): Promise<typeof ReplayWebhookDeliveryResult> {
    return this.endpoints.replay(id);
  }

  @Mutation(() => ReplayWebhookDeliveriesResult, { description: "Replays an endpoint's finished deliveries of events that occurred since `since`." })
  @Access(can.manage)
  replayWebhookDeliveries(@IdArg('endpointId') endpointId: string, @Args('since') since: Date): Promise<typeof ReplayWebhookDeliveriesResult> {
    return this.endpoints.replaySince(endpointId, since);
  }

  @Mutation(() => SendTestWebhookResult, { description: 'Sends a webhooks.test event to this endpoint only.' })
  @Access(can.manage)
  sendTestWebhook(@IdArg('endpointId') endpointId: string): Promise<typeof SendTestWebhookResult> {
    return this.endpoints.sendTest(endpointId);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @ResolveField(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attemptLog(@Parent() delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
    return requestLoader<string, WebhookAttempt[]>('webhook-attempts', (ids) => this.endpoints.attemptsOf(ids)).load(delivery.id);
  }
}

import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '@hearth/platform-graphql';

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'https URL (http and private addresses only where the deployment allows them).' })
  @Trim()
  @IsNotEmpty({ message: 'url must not be empty' })
  @MaxLength(2048)
  url!: string;

  @Field(() => [String], { description: 'Event types from webhookEventTypes, or "*" for every type.' })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type (or "*")' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  eventTypes!: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(500)
  description?: string;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsNotEmpty({ message: 'url must not be empty' })
  @MaxLength(2048)
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type (or "*")' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  eventTypes?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(500)
  description?: string;
}

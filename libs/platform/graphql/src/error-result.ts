import { Field, InterfaceType } from '@nestjs/graphql';

/**
 * Expected business failures are results, not exceptions: a mutation returns a union of its
 * success type and ErrorResult types the client can switch on with `__typename`.
 */
@InterfaceType('ErrorResult')
export abstract class ErrorResult {
  @Field({ description: 'Stable, machine-readable code.' })
  code!: string;

  @Field({ description: 'What went wrong, for a person to read.' })
  message!: string;
}

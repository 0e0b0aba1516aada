import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import type { ContractorEntity } from '../repairs.entities';
import { Trade } from '../repairs/repairs.model';

@ObjectType({ description: 'An organisation the member gives work orders to, for the trades it offers.' })
export class Contractor {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [Trade]) trades!: Trade[];
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: "The Keycloak client its system signs in as, to post status updates on its work orders." })
  partnerClientId!: string | null;
  @Field({ description: 'Inactive contractors keep their work orders but are given no new ones.' }) active!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: ContractorEntity): Contractor {
    const { id, name, trades, email, phone, partnerClientId, active, createdAt, updatedAt } = entity;
    return Object.assign(new Contractor(), { id, name, trades, email, phone, partnerClientId, active, createdAt, updatedAt });
  }
}

@ObjectType()
export class ContractorConnection extends Connection(Contractor) {}

@ObjectType({ implements: () => ErrorResult, description: 'No contractor with that id is visible to this member.' })
export class ContractorNotFound implements ErrorResult {
  @Field() code!: 'CONTRACTOR_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): ContractorNotFound {
    return Object.assign(new ContractorNotFound(), { code: 'CONTRACTOR_NOT_FOUND', message: `There is no contractor ${id}`, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Another contractor of the member has that name (in any case); nothing was saved.' })
export class ContractorNameTaken implements ErrorResult {
  @Field() code!: 'CONTRACTOR_NAME_TAKEN';
  @Field() message!: string;
  @Field(() => Contractor) existing!: Contractor;

  static of(existing: Contractor): ContractorNameTaken {
    return Object.assign(new ContractorNameTaken(), {
      code: 'CONTRACTOR_NAME_TAKEN', message: `There is already a contractor called ${existing.name}`, existing,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The contractor breaks a rule; nothing was saved.' })
export class ContractorInvalid implements ErrorResult {
  @Field() code!: 'CONTRACTOR_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): ContractorInvalid {
    return Object.assign(new ContractorInvalid(), { code: 'CONTRACTOR_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

export type ContractorFailure = ContractorNotFound | ContractorNameTaken | ContractorInvalid;

export const ContractorResult = resultUnion('ContractorResult', 'The contractor after the change, or why not.', [
  Contractor, ContractorNotFound, ContractorNameTaken, ContractorInvalid,
]);

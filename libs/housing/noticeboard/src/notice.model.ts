import { createUnionType, Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult } from '@hearth/platform-graphql';
import type { NoticeEntity } from './notice.entity';

@ObjectType({ description: "A notice on a member's staff noticeboard." })
export class Notice {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field({ description: 'Who posted it (their name, or their subject if the token had none).' }) postedBy!: string;
  @Field() postedAt!: Date;
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt!: Date | null;

  static from(entity: NoticeEntity): Notice {
    const { id, title, body, postedBy, postedAt, expiresAt, withdrawnAt } = entity;
    return Object.assign(new Notice(), { id, title, body, postedBy, postedAt, expiresAt, withdrawnAt });
  }
}

@ObjectType()
export class NoticeConnection extends Connection(Notice) {}

@ObjectType({ implements: () => ErrorResult })
export class NoticeNotFound implements ErrorResult {
  @Field() code!: 'NOTICE_NOT_FOUND';
  @Field() message!: string;
}

@ObjectType({ implements: () => ErrorResult })
export class NoticeAlreadyWithdrawn implements ErrorResult {
  @Field() code!: 'NOTICE_ALREADY_WITHDRAWN';
  @Field() message!: string;
  @Field() withdrawnAt!: Date;
}

export const WithdrawNoticeResult = createUnionType({
  name: 'WithdrawNoticeResult',
  types: () => [Notice, NoticeNotFound, NoticeAlreadyWithdrawn] as const,
  resolveType: (value) => (value instanceof Notice ? Notice : value.code === 'NOTICE_NOT_FOUND' ? NoticeNotFound : NoticeAlreadyWithdrawn),
});

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, PageArgs } from '@hearth/platform-graphql';
import { Notice, NoticeConnection, WithdrawNoticeResult } from './notice.model';
import { NoticeService } from './notice.service';
import { PostNoticeInput } from './dto/post-notice.input';
import { noticeboardPermissions as can } from './noticeboard.permissions';

@Resolver(() => Notice)
export class NoticeResolver {
  constructor(private readonly service: NoticeService) {}

  @Query(() => NoticeConnection, { description: 'Current notices, newest first.', complexity: connectionCost })
  @Access(can.read)
  notices(@Args() page: PageArgs): Promise<NoticeConnection> {
    return this.service.current(page);
  }

  @Query(() => Notice, { nullable: true })
  @Access(can.read)
  notice(@Args('id', { type: () => ID }) id: string): Promise<Notice | null> {
    return this.service.find(id);
  }

  @Mutation(() => Notice)
  @Access(can.post)
  postNotice(@Args('input') input: PostNoticeInput): Promise<Notice> {
    return this.service.post(input);
  }

  @Mutation(() => WithdrawNoticeResult)
  @Access(can.post)
  withdrawNotice(@Args('id', { type: () => ID }) id: string): Promise<typeof WithdrawNoticeResult> {
    return this.service.withdraw(id);
  }
}

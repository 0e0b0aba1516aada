import { inject, Injectable } from '@angular/core';
import { HearthApi, PagedList } from '@hearth/console-core';
import { ConsortiumMemberListDocument, type ConsortiumMemberListQuery } from '../graphql.generated';

export type MemberRow = ConsortiumMemberListQuery['members']['edges'][number]['node'];

/** The consortium's member directory, by name, with each member's modules. */
@Injectable()
export class MembersStore {
  private readonly api = inject(HearthApi);

  readonly members = new PagedList<MemberRow>(25, async (first, after) => {
    const { data } = await this.api.query(ConsortiumMemberListDocument, { first, after });
    return data.members;
  });
}

import { Injectable } from '@nestjs/common';
import { AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { NoticeEntity } from './notice.entity';
import { Notice, NoticeAlreadyWithdrawn, NoticeNotFound, type NoticeConnection } from './notice.model';
import type { PostNoticeInput } from './dto/post-notice.input';
import { NoticeboardEvent, type NoticeboardSettings } from './noticeboard.permissions';

const DAY_MS = 86_400_000;

@Injectable()
export class NoticeService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly modules: ModuleEnablement,
  ) {}

  /** Current notices (not withdrawn, not expired), newest first, paged by key on an index. */
  async current(args: PageArgs): Promise<NoticeConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [postedAt, id] = decodeTimeCursor(args.after);
      params.push(postedAt, id);
      after = 'and (posted_at, id) < ($2::timestamptz, $3::uuid)';
    }
    const rows = await this.transactions.query<NoticeRow>(
      `select *, posted_at::text as cursor_key from hearth.notice
       where withdrawn_at is null and expires_at > now() ${after}
       order by posted_at desc, id desc
       limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.notice where withdrawn_at is null and expires_at > now()`,
    );
    // The cursor carries PostgreSQL's own text for posted_at: a JS Date would drop the microseconds.
    const connection = toConnection(rows, args, total, (row) => [row.cursor_key, row.id]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: Notice.from(toEntity(e.node)) })) };
  }

  async find(id: string): Promise<Notice | null> {
    const repository = await this.transactions.repository(NoticeEntity);
    const entity = await repository.findOneBy({ id });
    return entity ? Notice.from(entity) : null;
  }

  async post(input: PostNoticeInput): Promise<Notice> {
    const context = hearthContext.require();
    const settings = await this.modules.settings<NoticeboardSettings>('noticeboard');
    const repository = await this.transactions.repository(NoticeEntity);
    const entity = await repository.save(
      repository.create({
        tenantId: context.requireTenantId(),
        title: input.title.trim(),
        body: input.body.trim(),
        postedBy: context.actor!.name ?? context.actor!.id,
        expiresAt: input.expiresAt ?? new Date(Date.now() + settings.defaultExpiryDays * DAY_MS),
      }),
    );
    const notice = Notice.from(entity);
    await this.audit.record({ operation: 'postNotice', targetType: 'notice', targetId: notice.id, after: notice });
    await this.outbox.publish({
      type: NoticeboardEvent.Posted,
      aggregateType: 'notice',
      aggregateId: notice.id,
      payload: { id: notice.id, title: notice.title, expiresAt: notice.expiresAt.toISOString() },
    });
    return notice;
  }

  async withdraw(id: string): Promise<Notice | NoticeNotFound | NoticeAlreadyWithdrawn> {
    const repository = await this.transactions.repository(NoticeEntity);
    // Lock the row so two people withdrawing at once get one success and one typed failure.
    const entity = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!entity) return Object.assign(new NoticeNotFound(), { code: 'NOTICE_NOT_FOUND', message: `There is no notice ${id}` });
    if (entity.withdrawnAt) {
      return Object.assign(new NoticeAlreadyWithdrawn(), {
        code: 'NOTICE_ALREADY_WITHDRAWN',
        message: 'That notice has already been withdrawn',
        withdrawnAt: entity.withdrawnAt,
      });
    }
    const before = Notice.from(entity);
    entity.withdrawnAt = new Date();
    const notice = Notice.from(await repository.save(entity));
    await this.audit.record({ operation: 'withdrawNotice', targetType: 'notice', targetId: id, before, after: notice });
    await this.outbox.publish({ type: NoticeboardEvent.Withdrawn, aggregateType: 'notice', aggregateId: id, payload: { id } });
    return notice;
  }
}

interface NoticeRow {
  tenant_id: string;
  id: string;
  title: string;
  body: string;
  posted_by: string;
  posted_at: Date;
  expires_at: Date;
  withdrawn_at: Date | null;
  cursor_key: string;
}

function toEntity(row: NoticeRow): NoticeEntity {
  return Object.assign(new NoticeEntity(), {
    tenantId: row.tenant_id,
    id: row.id,
    title: row.title,
    body: row.body,
    postedBy: row.posted_by,
    postedAt: row.posted_at,
    expiresAt: row.expires_at,
    withdrawnAt: row.withdrawn_at,
  });
}

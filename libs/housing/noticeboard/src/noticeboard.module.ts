import { HearthModule } from '@hearth/platform-kernel';
import { NoticeEntity } from './notice.entity';
import { NoticeResolver } from './notice.resolver';
import { NoticeService } from './notice.service';
import { Noticeboard1763900100000 } from './migrations/1763900100000-noticeboard';
import { NoticeboardEvent, noticeboardPermissions, noticeboardSettingsSchema } from './noticeboard.permissions';

/** A staff noticeboard per member: the module that docs/modules/writing-a-module.md builds. */
@HearthModule({
  key: 'noticeboard',
  name: 'Noticeboard',
  description: "Short notices for a member's staff, taken down when they expire.",
  version: '1.0.0',
  entities: [NoticeEntity],
  migrations: [Noticeboard1763900100000],
  providers: [NoticeService],
  resolvers: [NoticeResolver],
  permissions: noticeboardPermissions,
  settings: noticeboardSettingsSchema,
  events: {
    emits: {
      [NoticeboardEvent.Posted]: { description: 'A notice was posted.' },
      [NoticeboardEvent.Withdrawn]: { description: 'A notice was withdrawn before it expired.' },
    },
  },
  console: { routes: [{ path: 'noticeboard', title: { en: 'Noticeboard', cy: 'Hysbysfwrdd' }, roles: noticeboardPermissions.read.roles }] },
})
export class NoticeboardModule {}

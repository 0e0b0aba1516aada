import { TransactionManager } from '@hearth/platform-database';
import { NoticeService } from '@hearth/housing-noticeboard';
import type { DemoStep } from '../demo-step';

const DEMO_NOTICES = [
  { title: 'Welcome to Hearth', body: 'This is the demo noticeboard. Post notices for your colleagues here; they come down when they expire.' },
  { title: 'Office closed on bank holidays', body: 'Emergency repairs are still taken by the out-of-hours line.' },
];

/** Two notices, added once by title. */
export const noticeboardDemo: DemoStep = {
  name: 'notices',
  modules: ['noticeboard'],
  async run(app) {
    const existing = await app.get(TransactionManager).query<{ title: string }>(`select title from hearth.notice`);
    const added: string[] = [];
    for (const notice of DEMO_NOTICES.filter((n) => !existing.some((e) => e.title === n.title))) {
      await app.get(NoticeService).post(notice);
      added.push(`notice "${notice.title}"`);
    }
    return added;
  },
};

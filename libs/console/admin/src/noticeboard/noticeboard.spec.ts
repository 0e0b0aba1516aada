import { NoticeboardListDocument, NoticeboardPostDocument, NoticeboardWithdrawDocument, type NoticeboardNoticeFragment } from '../graphql.generated';
import { all, button, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { NoticeboardPageComponent } from './noticeboard-page/noticeboard-page.component';
import { endOfUkDay } from './noticeboard.store';

const LIFT: NoticeboardNoticeFragment = {
  id: 'n-1',
  title: 'Lift out of order',
  body: 'The engineer comes on Thursday.',
  postedAt: '2030-05-01T09:00:00Z',
  postedBy: 'Sam Patel',
  expiresAt: '2030-05-31T09:00:00Z',
  withdrawnAt: null,
};

function page(notices: NoticeboardNoticeFragment[]) {
  return { notices: { totalCount: notices.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: notices.map((node) => ({ node })) } };
}

describe('noticeboard', () => {
  let api: FakeApi;
  let notices: NoticeboardNoticeFragment[];

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    notices = [LIFT];
    api.answer(NoticeboardListDocument, () => page(notices));
  });

  it('shows the current notices, and no posting to staff who may not post', async () => {
    signIn(['repairs-planner']);
    const fixture = await render(NoticeboardPageComponent);
    expect(text(fixture, 'article h3')).toBe('Lift out of order');
    expect(text(fixture, 'article .meta')).toContain('Posted by Sam Patel, 1 May 2030');
    expect(all(fixture, 'form')).toHaveLength(0);
    expect(all(fixture, 'article button')).toHaveLength(0);
  });

  it('says when no notices are up, in English and Welsh', async () => {
    signIn(['tenant-admin']);
    notices = [];
    const fixture = await render(NoticeboardPageComponent);
    expect(text(fixture, '.empty')).toBe('There are no notices up.');
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, '.empty')).toBe('Does dim hysbysiadau i fyny.');
    expect(text(fixture, 'h1')).toBe('Hysbysfwrdd');
  });

  it('posts a notice, with the last day it is up, and lists it first', async () => {
    signIn(['housing-officer']);
    api.answer(NoticeboardPostDocument, ({ input }) => {
      const posted = { ...LIFT, id: 'n-2', title: input.title, body: input.body };
      notices = [posted, ...notices];
      return { postNotice: posted };
    });
    const fixture = await render(NoticeboardPageComponent);

    button(fixture, 'Post notice').click();
    await settle(fixture);
    expect(all(fixture, 'mat-error').map((error) => error.textContent?.trim())).toEqual(['Give the notice a title.', 'Write the notice.']);
    expect(api.api.mutate).not.toHaveBeenCalled();

    type(fixture, '[formcontrolname="title"]', 'Office closed Friday');
    type(fixture, '[formcontrolname="body"]', 'Training day.');
    type(fixture, '[formcontrolname="lastDay"]', '2099-07-01');
    button(fixture, 'Post notice').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(NoticeboardPostDocument, {
      input: { title: 'Office closed Friday', body: 'Training day.', expiresAt: '2099-07-01T23:00:00.000Z' },
    });
    expect(text(fixture, '[data-testid="notice-change"]')).toBe('“Office closed Friday” is up.');
    expect(all(fixture, 'article h3').map((h) => h.textContent)).toEqual(['Office closed Friday', 'Lift out of order']);
  });

  it('withdraws a notice, and says so when it was already withdrawn', async () => {
    signIn(['tenant-admin']);
    api.answer(NoticeboardWithdrawDocument, () => ({
      withdrawNotice: { __typename: 'NoticeAlreadyWithdrawn' as const, code: 'NOTICE_ALREADY_WITHDRAWN', message: 'already' },
    }));
    const fixture = await render(NoticeboardPageComponent);
    button(fixture, 'Withdraw the notice “Lift out of order”').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="notice-change"]')).toBe('That notice had already been withdrawn.');

    api.answer(NoticeboardWithdrawDocument, () => {
      notices = [];
      return { withdrawNotice: { __typename: 'Notice' as const, ...LIFT, withdrawnAt: '2030-05-02T09:00:00Z' } };
    });
    button(fixture, 'Withdraw the notice “Lift out of order”').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="notice-change"]')).toBe('“Lift out of order” was withdrawn.');
    expect(all(fixture, 'article')).toHaveLength(0);
  });

  it('ends a UK day at London midnight, in winter and in summer time', () => {
    expect(endOfUkDay('2030-01-15')).toBe('2030-01-16T00:00:00.000Z');
    expect(endOfUkDay('2030-07-15')).toBe('2030-07-15T23:00:00.000Z');
  });
});

import { TestBed } from '@angular/core/testing';
import { SessionStore } from '@hearth/console-core';
import { SettingsAddClosureDayDocument, SettingsClosureDaysDocument, SettingsRemoveClosureDayDocument } from '../graphql.generated';
import { ABER, all, button, configure, fakeApi, MILLBROOK, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { SettingsComponent } from './settings.component';

const MODULES = [
  { key: 'members', name: 'Members', description: 'The directory', version: '1.0.0', enabled: true, core: true, consoleRoutes: [] },
  { key: 'noticeboard', name: 'Noticeboard', description: 'Notices', version: '1.0.0', enabled: true, core: false, consoleRoutes: [] },
  { key: 'rent', name: 'Rent', description: 'Rent accounts', version: '1.0.0', enabled: false, core: false, consoleRoutes: [] },
];

const TRAINING = { day: '2031-03-14', description: 'Staff training day', createdBy: 'Sam Patel', createdAt: '2030-01-01T10:00:00Z' };

describe('SettingsComponent', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(SettingsClosureDaysDocument, () => ({ closureDays: [TRAINING] }));
  });

  it('shows the user, their member and its modules as the session has them', async () => {
    signIn(['tenant-admin'], MILLBROOK, MODULES);
    const fixture = await render(SettingsComponent);

    expect(text(fixture, 'h1')).toBe('Settings');
    expect(text(fixture, '[data-testid="user-name"]')).toBe('Sam Patel');
    expect(text(fixture, '[data-testid="member-name"]')).toBe('Millbrook Homes');
    expect(text(fixture, '[data-testid="member-country"]')).toBe('England');
    expect(text(fixture, 'tr[data-module="noticeboard"] [data-testid="module-state"]')).toBe('On');
    expect(text(fixture, 'tr[data-module="rent"] [data-testid="module-state"]')).toBe('Off');
    expect(text(fixture, '[data-testid="language-note"]')).toContain('You are reading Hearth in English.');
  });

  it('speaks Welsh, names a Welsh member in Welsh and the language as Welsh grammar wants', async () => {
    signIn(['tenant-admin'], ABER, MODULES);
    useLanguage('cy');
    const fixture = await render(SettingsComponent);

    expect(text(fixture, 'h1')).toBe('Gosodiadau');
    expect(text(fixture, '[data-testid="member-name"]')).toBe('Cymdeithas Tai Aber');
    expect(text(fixture, '[data-testid="member-country"]')).toBe('Cymru');
    expect(text(fixture, '[data-testid="language-note"]')).toContain('Rydych yn darllen Hearth yn Gymraeg.');
    expect(text(fixture, '#closure-heading')).toBe('Diwrnodau cau');
  });

  it('says so when the user acts for no member', async () => {
    signIn(['consortium-admin'], null);
    const fixture = await render(SettingsComponent);
    expect(text(fixture, '[data-testid="no-member"]')).toBe('You are not acting for a member association.');
    expect(all(fixture, 'hearth-closure-days')).toHaveLength(0);
  });

  it('shows closure days to tenant admins only', async () => {
    signIn(['housing-officer']);
    const officer = await render(SettingsComponent);
    expect(all(officer, 'hearth-closure-days')).toHaveLength(0);
    expect(api.api.query).not.toHaveBeenCalled();

    TestBed.inject(SessionStore).me.update((me) => me && { ...me, roles: ['tenant-admin'] });
    await settle(officer);
    expect(text(officer, '[data-testid="closure-days"] tbody')).toContain('Staff training day');
    expect(text(officer, '[data-testid="closure-days"] tbody')).toContain('14 Mar 2031');
  });

  it('adds a closure day, and shows a day already closed beside the day field', async () => {
    signIn(['tenant-admin']);
    api.answer(SettingsAddClosureDayDocument, ({ day, description }) => ({
      addClosureDay:
        day === TRAINING.day
          ? { __typename: 'ClosureDayTaken' as const, code: 'CLOSURE_DAY_TAKEN', message: 'taken' }
          : { __typename: 'ClosureDay' as const, day, description, createdBy: 'Sam Patel', createdAt: '2030-01-01T10:00:00Z' },
    }));
    const fixture = await render(SettingsComponent);

    type(fixture, '[data-testid="closure-day"]', TRAINING.day);
    type(fixture, '[data-testid="closure-description"]', 'Again');
    button(fixture, 'Add closure day').click();
    await settle(fixture);
    expect(text(fixture, 'hearth-closure-days mat-error')).toBe('That day is a closure day already.');

    type(fixture, '[data-testid="closure-day"]', '2031-12-29');
    type(fixture, '[data-testid="closure-description"]', 'Christmas shutdown');
    button(fixture, 'Add closure day').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenLastCalledWith(SettingsAddClosureDayDocument, { day: '2031-12-29', description: 'Christmas shutdown' });
    expect(text(fixture, '[data-testid="closure-change"]')).toBe('29 Dec 2031 is now a closure day.');
  });

  it('asks for the day and a description before sending anything', async () => {
    signIn(['tenant-admin']);
    const fixture = await render(SettingsComponent);
    button(fixture, 'Add closure day').click();
    await settle(fixture);
    expect(all(fixture, 'mat-error').map((e) => e.textContent?.trim())).toEqual(['Choose the day.', 'Say why the offices are shut.']);
    expect(api.api.mutate).not.toHaveBeenCalled();
  });

  it('removes a closure day', async () => {
    signIn(['tenant-admin']);
    api.answer(SettingsRemoveClosureDayDocument, ({ day }) => ({ removeClosureDay: { __typename: 'ClosureDay' as const, day } }));
    const fixture = await render(SettingsComponent);
    api.answer(SettingsClosureDaysDocument, () => ({ closureDays: [] }));

    button(fixture, 'Remove the closure day 14 Mar 2031').click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="closure-change"]')).toBe('14 Mar 2031 is no longer a closure day.');
    expect(text(fixture, 'hearth-closure-days .empty')).toBe('No closure days from today on.');
  });
});

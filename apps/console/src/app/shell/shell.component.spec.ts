import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { ActingForService } from '../api/acting-for.service';
import { ApiError } from '../api/api-error';
import { HearthApiClient, type ApiResult } from '../api/hearth-api.client';
import { AuthService } from '../auth/auth.service';
import { LanguageService } from '../i18n/language.service';
import { MEMBERS_QUERY, SHELL_QUERY, type Me, type MemberSummary, type ModuleInfo, type ShellData } from './shell.queries';
import { ShellComponent } from './shell.component';

const MEMBER_ADMIN_ROLES = ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer'];

const ABER = {
  id: 'm-aber',
  slug: 'aber-housing',
  name: 'Aber Housing Association',
  nameCy: 'Cymdeithas Tai Aber',
  country: 'WALES',
  languages: ['cy', 'en'],
  registrationNumber: 'L901',
} as const;
const MILLBROOK = {
  id: 'm-millbrook',
  slug: 'millbrook-homes',
  name: 'Millbrook Homes',
  nameCy: null,
  country: 'ENGLAND',
  languages: ['en'],
  registrationNumber: 'L4921',
} as const;

function moduleInfo(key: string, enabled: boolean, core = false): ModuleInfo {
  return { key, name: key[0].toUpperCase() + key.slice(1), description: `The ${key} module`, version: '0.1.0', enabled, core };
}

const FFION: Me = {
  subject: 'sub-ffion',
  name: 'Ffion Evans',
  email: 'ffion.evans@aber-housing.example',
  username: 'ffion.evans@aber-housing.example',
  roles: MEMBER_ADMIN_ROLES,
  kind: 'USER',
  actingFor: false,
  member: { ...ABER, languages: [...ABER.languages] },
};

const ALEX: Me = {
  subject: 'sub-alex',
  name: 'Alex Morgan',
  email: 'alex.morgan@hearth.example',
  username: 'alex.morgan@hearth.example',
  roles: ['consortium-admin'],
  kind: 'USER',
  actingFor: false,
  member: null,
};

/**
 * Stands in for the API the way the server behaves: the consortium admin sees a member's modules only while acting
 * for it (read from the same ActingForService the real client sends as a header), and TENANT_REQUIRED otherwise.
 */
class FakeApi {
  me: Me = FFION;
  failWith: ApiError | null = null;
  readonly documents: string[] = [];
  private readonly actingFor = TestBed.inject(ActingForService);

  query = jest.fn(async (document: string): Promise<ApiResult<unknown>> => {
    this.documents.push(document);
    if (this.failWith) throw this.failWith;
    if (document === MEMBERS_QUERY) {
      const nodes: MemberSummary[] = [ABER, MILLBROOK].map(({ id, slug, name, country }) => ({ id, slug, name, country }));
      return { data: { members: { edges: nodes.map((node) => ({ node })), totalCount: nodes.length } }, errors: [] };
    }
    expect(document).toBe(SHELL_QUERY);
    const slug = this.actingFor.slug();
    if (this.me === ALEX && !slug) {
      const data: ShellData = { me: ALEX, modules: null };
      return { data, errors: [new ApiError('TENANT_REQUIRED', 'Act for a member first', ['modules'])] };
    }
    const member = this.me === ALEX ? (slug === MILLBROOK.slug ? MILLBROOK : ABER) : ABER;
    const modules =
      member === MILLBROOK
        ? [moduleInfo('assets', true, true), moduleInfo('noticeboard', true), moduleInfo('repairs', false)]
        : [moduleInfo('assets', true, true), moduleInfo('noticeboard', true)];
    const data: ShellData = {
      me: { ...this.me, actingFor: this.me === ALEX, member: { ...member, languages: [...member.languages] } },
      modules,
    };
    return { data, errors: [] };
  });
}

describe('ShellComponent', () => {
  let api: FakeApi;
  let fixture: ComponentFixture<ShellComponent>;
  let signIn: jest.Mock;

  async function render(me: Me): Promise<HTMLElement> {
    api.me = me;
    fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  function text(root: HTMLElement, testId: string): string {
    return root.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function moduleStates(root: HTMLElement): Record<string, string> {
    return Object.fromEntries(
      [...root.querySelectorAll<HTMLElement>('tr[data-module]')].map((row) => [
        row.dataset['module'],
        row.querySelector('[data-testid="module-state"]')?.textContent?.trim(),
      ]),
    );
  }

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    signIn = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { signIn } },
        { provide: HearthApiClient, useFactory: () => (api = new FakeApi()) },
      ],
    });
    TestBed.inject(HearthApiClient);
  });

  describe('for a member user', () => {
    it('shows who they are, their organisation and its modules', async () => {
      const root = await render(FFION);

      expect(root.querySelector('h1')?.textContent).toContain('Aber Housing Association');
      expect(text(root, 'user-name')).toBe('Ffion Evans');
      expect([...root.querySelectorAll('[data-testid="roles"] li')].map((item) => item.textContent)).toEqual(MEMBER_ADMIN_ROLES);
      expect(text(root, 'member-name')).toBe('Aber Housing Association');
      expect(text(root, 'member-country')).toBe('Wales');
      expect(moduleStates(root)).toEqual({ assets: 'On', noticeboard: 'On' });
    });

    it('offers no acting-for choice and never asks for the member list', async () => {
      const root = await render(FFION);

      expect(root.querySelector('[data-testid="acting-for"]')).toBeNull();
      expect(api.documents).toEqual([SHELL_QUERY]);
    });

    it('speaks Welsh when the shell is switched to Cymraeg', async () => {
      const root = await render(FFION);

      TestBed.inject(LanguageService).use('cy');
      await fixture.whenStable();

      expect(text(root, 'member-country')).toBe('Cymru');
      expect(text(root, 'member-name')).toBe('Cymdeithas Tai Aber');
      expect(root.querySelector('#modules-heading')?.textContent).toBe('Modiwlau');
      expect(moduleStates(root)).toEqual({ assets: 'Ymlaen', noticeboard: 'Ymlaen' });
    });
  });

  describe('for a consortium admin', () => {
    it('shows a labelled acting-for select with every member, and asks to choose one for modules', async () => {
      const root = await render(ALEX);
      const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);

      expect(root.querySelector('mat-label')?.textContent).toBe('Acting for member');
      expect(await select.getValueText()).toBe('No member (consortium view)');
      await select.open();
      expect(await Promise.all((await select.getOptions()).map((option) => option.getText()))).toEqual([
        'No member (consortium view)',
        'Aber Housing Association',
        'Millbrook Homes',
      ]);
      expect(text(root, 'no-member')).toBe('You are not acting for a member association.');
      expect(root.querySelector('.modules [role="alert"]')?.textContent).toContain('Choose a member association to act for first.');
    });

    it('acts for the chosen member: remembers it, and reloads the shell with that member’s modules', async () => {
      const root = await render(ALEX);
      const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);

      await select.open();
      await select.clickOptions({ text: 'Millbrook Homes' });
      await fixture.whenStable();

      expect(TestBed.inject(ActingForService).slug()).toBe('millbrook-homes');
      expect(sessionStorage.getItem('hearth.actingFor')).toBe('millbrook-homes');
      expect(text(root, 'member-name')).toBe('Millbrook Homes');
      expect(text(root, 'member-country')).toBe('England');
      expect(moduleStates(root)).toEqual({ assets: 'On', noticeboard: 'On', repairs: 'Off' });
      // The member list is fetched once, not again on every switch.
      expect(api.documents.filter((document) => document === MEMBERS_QUERY)).toHaveLength(1);
    });
  });

  describe('when the API refuses', () => {
    it('explains an ended session and offers to sign in again', async () => {
      api.failWith = new ApiError('UNAUTHENTICATED', 'The access token was refused: invalid token (expired)');
      const root = await render(FFION);

      const alert = root.querySelector('[role="alert"]');
      expect(alert?.textContent).toContain('Your session has ended. Sign in again to carry on.');
      alert?.querySelector('button')?.click();
      expect(signIn).toHaveBeenCalled();
    });

    it('shows an unknown code with the server message', async () => {
      api.failWith = new ApiError('INTERNAL_SERVER_ERROR', 'Database unavailable');
      const root = await render(FFION);

      expect(root.querySelector('[role="alert"]')?.textContent).toContain('(INTERNAL_SERVER_ERROR: Database unavailable)');
    });
  });
});

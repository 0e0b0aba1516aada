import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TypedDocumentNode } from '@apollo/client';
import { ApiError, HearthApi, LanguageService, SessionStore, type Me, type MemberSummary, type ModuleInfo } from '@hearth/console-core';
import { visibleText } from '@hearth/console-core/testing';
import { DashboardArrearsDocument, DashboardRepairsDocument, DashboardWebhooksDocument } from '../graphql.generated';
import { DashboardComponent } from './dashboard.component';
import type { ArrearsFigures, RepairsFigures } from './dashboard.store';

const MILLBROOK = { id: 'm-millbrook', slug: 'millbrook-homes', name: 'Millbrook Homes', nameCy: null, country: 'ENGLAND', languages: ['en'], registrationNumber: 'L4921' } as const;
const ABER = { ...MILLBROOK, id: 'm-aber', slug: 'aber-housing', name: 'Aber Housing', country: 'WALES' } as const;

function me(roles: string[], member: typeof MILLBROOK | typeof ABER | null): Me {
  return { subject: 's', name: 'Nia', email: null, username: null, roles, kind: 'USER', actingFor: false, member: member && { ...member, languages: [...member.languages] }, guestOrganisation: null };
}

function module(key: string, paths: string[]): ModuleInfo {
  return { key, name: key, description: '', version: '1', enabled: true, core: false, consoleRoutes: paths.map((path) => ({ path, title: path, titleCy: path })) };
}
const REPAIRS = module('repairs', ['repairs', 'repairs/hazards']);
const RENT = module('rent', ['rent']);
const WEBHOOKS = module('webhooks', ['integrations/webhooks']);

const REPAIRS_FIGURES: RepairsFigures = {
  openRepairs: 1234, awaitingTriage: 3, openWorkOrders: 9,
  workOrdersByStatus: [
    { status: 'RAISED', count: 4 }, { status: 'ASSIGNED', count: 2 }, { status: 'SCHEDULED', count: 1 },
    { status: 'IN_PROGRESS', count: 2 }, { status: 'ON_HOLD', count: 0 },
  ],
  breached: 2, nearBreach: 1,
  // The end of Friday 17 April 2026 in the UK (BST): midnight starting Saturday.
  nearBreachBefore: '2026-04-17T23:00:00.000Z',
  openHazardCases: 2, hazardClocksRunning: 5, hazardClocksDueSoon: 1, hazardClocksMissed: 0,
  completedInTarget: [
    { month: '2026-03', completed: 0, withinTarget: 0, percentWithinTarget: null },
    { month: '2026-04', completed: 3, withinTarget: 2, percentWithinTarget: 66.7 },
  ],
};

const ARREARS_FIGURES: ArrearsFigures = {
  asOf: '2026-04-16', totalPence: 1_234_567, accountsInArrears: 7, openAccounts: 40,
  weeks: [
    { on: '2026-04-02', totalPence: 1_000_000, accountsInArrears: 5 },
    { on: '2026-04-09', totalPence: 1_500_000, accountsInArrears: 8 },
    { on: '2026-04-16', totalPence: 1_234_567, accountsInArrears: 7 },
  ],
};

describe('DashboardComponent', () => {
  let answers: Map<TypedDocumentNode<unknown, never>, () => Promise<unknown>>;
  let query: jest.Mock;
  let fixture: ComponentFixture<DashboardComponent>;

  beforeEach(() => {
    localStorage.clear();
    answers = new Map<TypedDocumentNode<unknown, never>, () => Promise<unknown>>([
      [DashboardRepairsDocument, async () => ({ data: { repairsDashboard: REPAIRS_FIGURES }, errors: [] })],
      [DashboardArrearsDocument, async () => ({ data: { arrearsSummary: ARREARS_FIGURES }, errors: [] })],
    ]);
    query = jest.fn((document: TypedDocumentNode<unknown, never>) => {
      const answer = answers.get(document);
      if (!answer) throw new Error('unexpected query');
      return answer();
    });
    TestBed.configureTestingModule({
      imports: [DashboardComponent],
      providers: [provideRouter([]), { provide: HearthApi, useValue: { query, mutate: jest.fn() } }],
    });
  });

  const session = () => TestBed.inject(SessionStore);

  async function render(user: Me, modules: ModuleInfo[], members: MemberSummary[] | null = null): Promise<HTMLElement> {
    session().me.set(user);
    session().modules.set(modules);
    session().members.set(members);
    fixture = TestBed.createComponent(DashboardComponent);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    // The stubbed answers resolve in microtasks the test's scheduler does not see: let them run first.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** What a reader sees: each piece of text apart (templates keep no whitespace between elements). */
  const text = visibleText;
  const figure = (root: HTMLElement, key: string) => root.querySelector(`[data-figure="${key}"] a`) as HTMLAnchorElement;

  it('tells those who manage webhooks of endpoints switched off for failing, and links to each', async () => {
    answers.set(DashboardWebhooksDocument, async () => ({
      data: {
        webhookEndpoints: {
          edges: [
            { node: { id: 'e-1', url: 'https://fixit.example/hooks', status: 'DISABLED', disabledAt: '2026-04-16T09:30:00.000Z', disabledReason: 'No delivery succeeded for 5 days while deliveries failed' } },
            { node: { id: 'e-2', url: 'https://warehouse.example/in', status: 'ACTIVE', disabledAt: null, disabledReason: null } },
          ],
        },
      },
      errors: [],
    }));
    const root = await render(me(['tenant-admin'], MILLBROOK), [REPAIRS, WEBHOOKS]);

    const notice = root.querySelector('[data-testid="disabled-webhooks"]')!;
    expect(text(notice.querySelector('h2'))).toBe('Webhook endpoints switched off');
    const links = [...notice.querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['https://fixit.example/hooks', '/integrations/webhooks/e-1']]);
    expect(text(notice)).toContain('No delivery succeeded for 5 days while deliveries failed (Switched off 16 Apr 2026, 10:30)');

    TestBed.inject(LanguageService).use('cy');
    await settle();
    expect(text(notice.querySelector('h2'))).toBe('Pwyntiau terfyn bachau gwe wedi’u diffodd');
  });

  it('says nothing of webhooks when every endpoint is working, or to those who cannot manage them', async () => {
    answers.set(DashboardWebhooksDocument, async () => ({ data: { webhookEndpoints: { edges: [{ node: { id: 'e-2', url: 'https://a.example', status: 'ACTIVE', disabledAt: null, disabledReason: null } }] } }, errors: [] }));
    const admin = await render(me(['tenant-admin'], MILLBROOK), [REPAIRS, WEBHOOKS]);
    expect(admin.querySelector('[data-testid="disabled-webhooks"]')).toBeNull();

    query.mockClear();
    fixture.destroy();
    const officer = await render(me(['housing-officer'], MILLBROOK), [REPAIRS]);
    expect(officer.querySelector('[data-testid="disabled-webhooks"]')).toBeNull();
    expect(query.mock.calls.map(([document]) => document)).not.toContain(DashboardWebhooksDocument);
  });

  it('shows the headline figures of each panel, each linking to the list behind it', async () => {
    const root = await render(me(['tenant-admin'], MILLBROOK), [REPAIRS, RENT]);

    expect(text(root.querySelector('h1'))).toBe('Dashboard');
    expect(text(figure(root, 'open-repairs'))).toBe('Open repairs 1,234 Awaiting triage: 3');
    expect(figure(root, 'open-repairs').getAttribute('href')).toBe('/repairs');
    expect(text(figure(root, 'breached'))).toContain('Work orders past target 2');
    expect(figure(root, 'breached').getAttribute('href')).toBe('/repairs/board?breached=true');
    expect(figure(root, 'breached').classList).toContain('attention');
    expect(text(figure(root, 'near-breach'))).toContain('Due by the end of 17 Apr 2026');
    expect(text(figure(root, 'clocks-running'))).toBe('Hazard clocks running 5 Open cases: 2');
    expect(figure(root, 'clocks-missed').getAttribute('href')).toBe('/repairs/hazards?overdue=true');
    expect(figure(root, 'clocks-missed').classList).not.toContain('attention');
    expect(text(figure(root, 'arrears-total'))).toBe('Arrears total £12,345.67 Accounts in arrears: 7');
    expect(figure(root, 'arrears-total').getAttribute('href')).toBe('/rent?inArrears=true');
    expect(text(figure(root, 'accounts-in-arrears'))).toBe('Accounts in arrears 7 Open accounts: 40');
    expect(query).toHaveBeenCalledWith(DashboardRepairsDocument, { months: 6 });
    expect(query).toHaveBeenCalledWith(DashboardArrearsDocument, { weeks: 12 });
  });

  it('draws the charts as images with a summary, and their numbers as tables', async () => {
    const root = await render(me(['tenant-admin'], MILLBROOK), [REPAIRS, RENT]);

    const byStatus = root.querySelector('[data-testid="chart-by-status"]')!;
    expect(byStatus.querySelector('svg')!.getAttribute('role')).toBe('img');
    expect(byStatus.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Open work orders by status: Raised 4; Assigned 2; Scheduled 1; In progress 2; On hold 0.',
    );
    expect([...byStatus.querySelectorAll('tbody tr')].map(text)).toEqual(['Raised 4', 'Assigned 2', 'Scheduled 1', 'In progress 2', 'On hold 0']);
    const rp02 = root.querySelector('[data-testid="chart-rp02"]')!;
    expect([...rp02.querySelectorAll('tbody tr')].map(text)).toEqual(['Mar 2026 None completed', 'Apr 2026 66.7% (2 of 3)']);
    const arrears = root.querySelector('[data-testid="chart-arrears"]')!;
    expect(arrears.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Arrears were £10,000.00 on 2 Apr 2026 and £12,345.67 on 16 Apr 2026; the highest was £15,000.00 on 9 Apr 2026.',
    );
    expect(text(arrears.querySelector('h3'))).toBe('Arrears over the last 12 weeks');
    expect(arrears.querySelector('a.more')!.getAttribute('href')).toBe('/rent?inArrears=true');
  });

  it('speaks Welsh: headings, statuses, notes and money in cy-GB', async () => {
    TestBed.inject(LanguageService).use('cy');
    const root = await render(me(['tenant-admin'], ABER), [REPAIRS, RENT]);

    expect(text(root.querySelector('h1'))).toBe('Dangosfwrdd');
    expect(text(root.querySelector('#repairs-heading'))).toBe('Atgyweiriadau');
    expect(text(figure(root, 'open-repairs'))).toBe('Atgyweiriadau ar agor 1,234 Yn aros i gael eu brysbennu: 3');
    expect(text(figure(root, 'arrears-total'))).toBe('Cyfanswm yr ôl-ddyledion £12,345.67 Cyfrifon mewn ôl-ddyled: 7');
    expect(text(figure(root, 'near-breach'))).toContain('I’w cwblhau erbyn diwedd 17 Ebr 2026');
    const byStatus = root.querySelector('[data-testid="chart-by-status"] svg')!;
    expect(byStatus.getAttribute('aria-label')).toBe(
      'Archebion gwaith ar agor yn ôl statws: Wedi’i chodi 4; Wedi’i neilltuo 2; Wedi’i threfnu 1; Ar y gweill 2; Ar stop 0.',
    );
    expect(root.querySelector('[data-testid="chart-arrears"] svg')!.getAttribute('aria-label')).toMatch(/^Roedd yr ôl-ddyledion yn £10,000.00 ar 2 Ebr 2026/);
  });

  it('shows only the panels of modules that are on, and asks only for their figures', async () => {
    const root = await render(me(['tenant-admin'], MILLBROOK), [RENT]);

    expect(root.querySelector('[data-testid="repairs-panel"]')).toBeNull();
    expect(root.querySelector('[data-testid="hazards-panel"]')).toBeNull();
    expect(root.querySelector('[data-testid="arrears-panel"]')).not.toBeNull();
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith(DashboardArrearsDocument, { weeks: 12 });
  });

  it('leaves the hazard figures out when the user may not open the hazards page', async () => {
    const root = await render(me(['housing-officer'], MILLBROOK), [module('repairs', ['repairs'])]);

    expect(root.querySelector('[data-testid="repairs-panel"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="hazards-panel"]')).toBeNull();
  });

  it('says so when there is nothing to show', async () => {
    const root = await render(me(['housing-officer'], MILLBROOK), []);

    expect(text(root.querySelector('[data-testid="nothing-to-show"]'))).toContain('has not switched on repairs or rent');
    expect(query).not.toHaveBeenCalled();
  });

  it('asks a consortium admin with no member to choose one, with the number of members', async () => {
    const members = [MILLBROOK, ABER].map(({ id, slug, name, nameCy, country }) => ({ id, slug, name, nameCy, country }));
    const root = await render(me(['consortium-admin'], null), [], members);

    expect(text(root.querySelector('[data-testid="choose-member"]'))).toBe(
      'You are working as the consortium, not for a member association. Choose a member under “Acting for member” in the menu to see its repairs, hazards and arrears. Members of the consortium: 2',
    );
    expect(root.querySelector('.intro')).toBeNull();
    expect(query).not.toHaveBeenCalled();
  });

  it('shows a progress bar while the figures load, then the figures', async () => {
    let answer!: () => void;
    answers.set(DashboardArrearsDocument, () => new Promise((resolve) => (answer = () => resolve({ data: { arrearsSummary: ARREARS_FIGURES }, errors: [] }))));
    session().me.set(me(['tenant-admin'], MILLBROOK));
    session().modules.set([RENT]);
    fixture = TestBed.createComponent(DashboardComponent);
    fixture.detectChanges();
    await Promise.resolve();
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelector('mat-progress-bar')!.getAttribute('aria-label')).toBe('Loading the arrears figures');
    expect(root.querySelector('[data-figure]')).toBeNull();
    answer();
    await settle();
    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(root.querySelector('[data-figure="arrears-total"]')).not.toBeNull();
  });

  it('shows the API error in one panel and still shows the other', async () => {
    answers.set(DashboardRepairsDocument, async () => {
      throw new ApiError('MODULE_DISABLED', 'The repairs module is switched off for this member.');
    });
    const root = await render(me(['tenant-admin'], MILLBROOK), [REPAIRS, RENT]);

    expect(root.querySelector('[data-testid="repairs-panel"] hearth-api-error [role="alert"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="repairs-panel"] [data-figure]')).toBeNull();
    expect(root.querySelector('[data-testid="hazards-panel"]')).toBeNull();
    expect(root.querySelector('[data-figure="arrears-total"]')).not.toBeNull();
  });

  it('says so when no work orders are open and none were completed, instead of empty charts', async () => {
    answers.set(DashboardRepairsDocument, async () => ({
      data: {
        repairsDashboard: {
          ...REPAIRS_FIGURES, openWorkOrders: 0, workOrdersByStatus: REPAIRS_FIGURES.workOrdersByStatus.map((row) => ({ ...row, count: 0 })),
          completedInTarget: REPAIRS_FIGURES.completedInTarget.map((month) => ({ ...month, completed: 0, withinTarget: 0, percentWithinTarget: null })),
        },
      },
      errors: [],
    }));
    const root = await render(me(['tenant-admin'], MILLBROOK), [REPAIRS]);

    expect(text(root.querySelector('[data-testid="chart-by-status"] .empty'))).toBe('There are no open work orders.');
    expect(text(root.querySelector('[data-testid="chart-rp02"] .empty'))).toBe('None completed');
    expect(root.querySelector('svg')).toBeNull();
  });

  it('loads the figures again when the user switches member', async () => {
    await render(me(['consortium-admin'], MILLBROOK), [RENT]);
    expect(query).toHaveBeenCalledTimes(1);

    session().me.set(me(['consortium-admin'], ABER));
    await settle();

    expect(query).toHaveBeenCalledTimes(2);
  });
});

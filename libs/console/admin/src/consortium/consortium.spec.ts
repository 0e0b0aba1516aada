import { ConsortiumMemberDetailDocument, ConsortiumMemberListDocument, ConsortiumOnboardDocument, ConsortiumSetModuleDocument, type ConsortiumMemberDetailQuery } from '../graphql.generated';
import { all, button, cells, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { MemberDetailComponent } from './member-detail/member-detail.component';
import { MemberListComponent } from './member-list/member-list.component';
import { OnboardComponent } from './onboard/onboard.component';

const MODULE = { description: '', dependsOn: [] as string[], core: false };

function member(enabled: Record<string, boolean>): NonNullable<ConsortiumMemberDetailQuery['member']> {
  return {
    id: 'm-1',
    slug: 'millbrook-homes',
    name: 'Millbrook Homes',
    nameCy: null,
    country: 'ENGLAND',
    languages: ['en'],
    registrationNumber: 'L4921',
    status: 'ACTIVE',
    modules: [
      { ...MODULE, key: 'members', name: 'Members', core: true, enabled: true },
      { ...MODULE, key: 'assets', name: 'Assets', enabled: enabled['assets'] ?? true },
      { ...MODULE, key: 'repairs', name: 'Repairs', dependsOn: ['assets'], enabled: enabled['repairs'] ?? true },
      { ...MODULE, key: 'noticeboard', name: 'Noticeboard', enabled: enabled['noticeboard'] ?? true },
    ],
  };
}

describe('consortium', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    signIn(['consortium-admin'], null, [
      { key: 'members', name: 'Members', description: '', version: '1', enabled: true, core: true, consoleRoutes: [] },
      { key: 'noticeboard', name: 'Noticeboard', description: '', version: '1', enabled: false, core: false, consoleRoutes: [] },
    ]);
  });

  it('lists the members with their country and the modules they have on', async () => {
    api.answer(ConsortiumMemberListDocument, () => ({
      members: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [
          { node: { id: 'a', slug: 'aber-housing', name: 'Aber Housing Association', nameCy: 'Cymdeithas Tai Aber', country: 'WALES' as const, status: 'ACTIVE' as const, modules: [{ key: 'members', name: 'Members', enabled: true, core: true }, { key: 'noticeboard', name: 'Noticeboard', enabled: true, core: false }] } },
          { node: { id: 't', slug: 'thistle-housing', name: 'Thistle Housing Co-operative', nameCy: null, country: 'SCOTLAND' as const, status: 'ACTIVE' as const, modules: [{ key: 'members', name: 'Members', enabled: true, core: true }] } },
        ],
      },
    }));
    const fixture = await render(MemberListComponent);
    expect(cells(fixture, '[data-testid="members"]')).toEqual([
      ['Aber Housing Association', 'Wales', 'Active', 'Noticeboard'],
      ['Thistle Housing Co-operative', 'Scotland', 'Active', 'Core modules only'],
    ]);

    useLanguage('cy');
    await settle(fixture);
    expect(cells(fixture, '[data-testid="members"]')[0]).toEqual(['Cymdeithas Tai Aber', 'Cymru', 'Gweithredol', 'Noticeboard']);
  });

  it('switches a module off, and shows what the member has after', async () => {
    let state = member({});
    api.answer(ConsortiumMemberDetailDocument, () => ({ member: state }));
    api.answer(ConsortiumSetModuleDocument, ({ module, enabled }) => {
      state = member({ [module]: enabled });
      return { setMemberModule: { __typename: 'ManifestApplied' as const, applied: true, changes: ['~ millbrook-homes: module noticeboard off'], identity: [], member: { slug: 'millbrook-homes', name: 'Millbrook Homes' } } };
    });
    const fixture = await render(MemberDetailComponent, { slug: 'millbrook-homes' });
    expect(text(fixture, 'h1')).toBe('Millbrook Homes');
    expect(text(fixture, 'tr[data-module="members"]')).toContain('Core: always on');
    expect(text(fixture, 'tr[data-module="repairs"] td')).toBe('Assets');

    (fixture.nativeElement.querySelector('tr[data-module="noticeboard"] button[role="switch"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(ConsortiumSetModuleDocument, { member: 'millbrook-homes', module: 'noticeboard', enabled: false });
    expect(text(fixture, '[data-testid="switch-outcome"]')).toBe('Noticeboard is now off.');
    expect(fixture.nativeElement.querySelector('tr[data-module="noticeboard"] button[role="switch"]').getAttribute('aria-checked')).toBe('false');
  });

  it('shows the API’s reason when a switch is refused, and the module as it still is', async () => {
    api.answer(ConsortiumMemberDetailDocument, () => ({ member: member({}) }));
    api.answer(ConsortiumSetModuleDocument, () => ({
      setMemberModule: { __typename: 'ManifestInvalid' as const, code: 'MANIFEST_INVALID', message: '1 problem', problems: [{ field: '/modules/assets', message: 'module "repairs" needs "assets"' }] },
    }));
    const fixture = await render(MemberDetailComponent, { slug: 'millbrook-homes' });
    (fixture.nativeElement.querySelector('tr[data-module="assets"] button[role="switch"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(fixture, '[data-testid="switch-outcome"] [role="alert"] p')).toBe('The change was refused; nothing was changed:');
    expect(text(fixture, '[data-testid="switch-outcome"] [role="alert"] li')).toBe('module "repairs" needs "assets"');
    expect(fixture.nativeElement.querySelector('tr[data-module="assets"] button[role="switch"]').getAttribute('aria-checked')).toBe('true');
  });

  it('says when there is no such member', async () => {
    api.answer(ConsortiumMemberDetailDocument, () => ({ member: null }));
    const fixture = await render(MemberDetailComponent, { slug: 'nobody' });
    expect(text(fixture, '.empty')).toBe('There is no member with this identifier.');
  });

  describe('onboarding', () => {
    function fill(fixture: Awaited<ReturnType<typeof render>>) {
      type(fixture, '[formcontrolname="slug"]', 'riverside-homes');
      type(fixture, '[formcontrolname="name"]', 'Riverside Homes');
      type(fixture, '[formcontrolname="registrationNumber"]', 'L5555');
      type(fixture, '[formcontrolname="adminEmail"]', 'rhian@riverside-homes.example');
      type(fixture, '[formcontrolname="adminFirstName"]', 'Rhian');
      type(fixture, '[formcontrolname="adminLastName"]', 'Jones');
    }

    it('checks with a dry run first, shows the plan, and only then applies the same manifest', async () => {
      api.answer(ConsortiumOnboardDocument, ({ dryRun }) => ({
        applyMemberManifest: { __typename: 'ManifestApplied' as const, applied: !dryRun, changes: ['+ member riverside-homes (Riverside Homes, england)'], identity: [], member: { slug: 'riverside-homes', name: 'Riverside Homes' } },
      }));
      const fixture = await render(OnboardComponent);
      expect(button(fixture, 'Apply').disabled).toBe(true);
      fill(fixture);
      button(fixture, 'Check (dry run)').click();
      await settle(fixture);

      expect(api.api.mutate).toHaveBeenCalledWith(ConsortiumOnboardDocument, {
        dryRun: true,
        input: {
          slug: 'riverside-homes',
          name: 'Riverside Homes',
          nameCy: null,
          registrationNumber: 'L5555',
          country: 'ENGLAND',
          languages: ['en'],
          keycloak: { organization: 'riverside-homes', domains: [] },
          modules: [],
          admins: [{ email: 'rhian@riverside-homes.example', firstName: 'Rhian', lastName: 'Jones' }],
        },
      });
      expect(text(fixture, '#plan-heading')).toBe('What applying would change');
      expect(text(fixture, '[data-testid="onboard-plan"]')).toBe('+ member riverside-homes (Riverside Homes, england)');

      // Changed after the check: it has to be checked again.
      type(fixture, '[formcontrolname="registrationNumber"]', 'L5556');
      await settle(fixture);
      expect(button(fixture, 'Apply').disabled).toBe(true);
      expect(text(fixture, '.stale')).toBe('The form changed since the check: check it again before applying.');
      button(fixture, 'Check (dry run)').click();
      await settle(fixture);

      button(fixture, 'Apply').click();
      await settle(fixture);
      expect(api.api.mutate).toHaveBeenLastCalledWith(ConsortiumOnboardDocument, expect.objectContaining({ dryRun: false }));
      expect(text(fixture, '#plan-heading')).toBe('Applied: these changes were made');
      expect(button(fixture, 'Apply').disabled).toBe(true);
    });

    it('shows each problem beside the field it names, and lists them all', async () => {
      api.answer(ConsortiumOnboardDocument, () => ({
        applyMemberManifest: {
          __typename: 'ManifestInvalid' as const,
          code: 'MANIFEST_INVALID',
          message: '2 problems',
          problems: [
            { field: '/slug', message: 'must be lower-case words joined by hyphens' },
            { field: '/languages', message: 'must list at least one language' },
          ],
        },
      }));
      const fixture = await render(OnboardComponent);
      fill(fixture);
      button(fixture, 'Check (dry run)').click();
      await settle(fixture);
      expect(all(fixture, 'mat-error').map((error) => error.textContent?.trim())).toEqual(['must be lower-case words joined by hyphens']);
      expect(text(fixture, '[data-testid="onboard-outcome"] [role="alert"]')).toContain('/languages: must list at least one language');
      expect(button(fixture, 'Apply').disabled).toBe(true);
    });
  });
});

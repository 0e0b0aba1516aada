import { computed, inject, Injectable, signal } from '@angular/core';
import { ActingForService } from '../api/acting-for.service';
import { ApiError } from '../api/api-error';
import { HearthApi } from '../api/hearth-api';
import { DICTIONARIES } from '../i18n/dictionaries';
import { LanguageService } from '../i18n/language.service';
import { MemberDirectoryDocument, SessionDocument, type MemberDirectoryQuery, type SessionQuery } from '../../graphql.generated';

export const CONSORTIUM_ADMIN_ROLE = 'consortium-admin';

export type Me = SessionQuery['me'];
export type Member = NonNullable<Me['member']>;
export type ModuleInfo = SessionQuery['modules'][number];
export type MemberSummary = MemberDirectoryQuery['members']['edges'][number]['node'];

/** A console page a module provides and the user may open, titled in the reader's language. */
export interface NavigationItem {
  path: string;
  title: string;
  module: string;
}

/**
 * Who is signed in, for which member, with which modules: loaded once after sign-in and again
 * whenever a consortium admin switches member. Navigation and route guards read it, so a page
 * shows only when the user's roles and the member's switched-on modules allow it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(HearthApi);
  private readonly actingFor = inject(ActingForService);
  private readonly language = inject(LanguageService).language;
  /** Only the newest load may write: switching member twice quickly must not end on the first one's answer. */
  private latestLoad = 0;
  private loaded?: Promise<void>;

  readonly loading = signal(false);
  readonly me = signal<Me | null>(null);
  readonly modules = signal<ModuleInfo[]>([]);
  /** Why nothing could be shown. */
  readonly error = signal<ApiError | null>(null);
  /** Why the module list is missing while the rest loaded (e.g. TENANT_REQUIRED for a consortium admin). */
  readonly modulesError = signal<ApiError | null>(null);
  /** Null until fetched: the directory is asked for once, on the first load that shows a consortium admin. */
  readonly members = signal<MemberSummary[] | null>(null);
  readonly membersError = signal<ApiError | null>(null);

  readonly actingForSlug = this.actingFor.slug.asReadonly();
  readonly member = computed(() => this.me()?.member ?? null);
  /** The council, health board or charity a guest works for; a guest has no member and sees only the shared spaces and events. */
  readonly guestOrganisation = computed(() => this.me()?.guestOrganisation ?? null);
  readonly isGuest = computed(() => this.guestOrganisation() !== null);
  readonly isConsortiumAdmin = computed(() => this.hasRole(CONSORTIUM_ADMIN_ROLE));

  /** The member's name in the reader's language (members with a Welsh name are named in Welsh in Cymraeg). */
  readonly memberName = computed(() => {
    const member = this.member();
    if (!member) return null;
    return (this.language() === 'cy' && member.nameCy) || member.name;
  });

  /** Whom the signed-in person works for, as the menu names it: their member, or their guest organisation. */
  readonly organisationName = computed(() => this.memberName() ?? this.guestOrganisation()?.name ?? null);

  /** Tenancy words by the member's country: occupation contracts and contract-holders in Wales. */
  readonly terms = computed(() => {
    const terms = DICTIONARIES[this.language()].terms;
    return this.member()?.country === 'WALES' ? terms.wales : terms.standard;
  });

  /** The pages of switched-on modules that the user's roles open, in module order. */
  readonly navigation = computed<NavigationItem[]>(() => {
    const welsh = this.language() === 'cy';
    return this.modules()
      .filter((module) => module.enabled)
      .flatMap((module) =>
        module.consoleRoutes.map((route) => ({ path: route.path, title: welsh ? route.titleCy : route.title, module: module.key })),
      );
  });

  hasRole(role: string): boolean {
    return this.me()?.roles.includes(role) ?? false;
  }

  /** Whether a module's console page is open to this user for this member. */
  canOpen(path: string): boolean {
    return this.navigation().some((item) => item.path === path);
  }

  isEnabled(moduleKey: string): boolean {
    return this.modules().some((module) => module.key === moduleKey && module.enabled);
  }

  /** Loads the session once; guards await it before deciding. */
  ensureLoaded(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  async load(): Promise<void> {
    const load = ++this.latestLoad;
    this.loading.set(true);
    try {
      const { data, errors } = await this.api.query(SessionDocument);
      if (load !== this.latestLoad) return;
      if (!data.me) throw errors[0] ?? new ApiError('UNKNOWN', 'The API did not say who is signed in.');
      this.me.set(data.me);
      this.modules.set(data.modules ?? []);
      this.modulesError.set(errors.find((error) => error.path[0] === 'modules') ?? null);
      this.error.set(null);
      if (this.isConsortiumAdmin() && this.members() === null) await this.loadMembers();
    } catch (error) {
      if (load !== this.latestLoad) return;
      this.me.set(null);
      this.modules.set([]);
      this.error.set(error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error)));
    } finally {
      if (load === this.latestLoad) this.loading.set(false);
    }
  }

  /** Acts for a member (or stops, with null): forgets everything cached of the last one and reloads. */
  async actFor(slug: string | null): Promise<void> {
    this.actingFor.set(slug);
    await this.api.reset();
    this.loaded = this.load();
    return this.loaded;
  }

  private async loadMembers(): Promise<void> {
    try {
      const { data } = await this.api.query(MemberDirectoryDocument);
      this.members.set(data.members.edges.map((edge) => edge.node));
      this.membersError.set(null);
    } catch (error) {
      this.membersError.set(error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error)));
    }
  }
}

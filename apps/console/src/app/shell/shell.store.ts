import { computed, inject, Injectable, signal } from '@angular/core';
import { ActingForService } from '../api/acting-for.service';
import { ApiError } from '../api/api-error';
import { HearthApiClient } from '../api/hearth-api.client';
import {
  CONSORTIUM_ADMIN_ROLE,
  MEMBERS_QUERY,
  SHELL_QUERY,
  type Me,
  type MembersData,
  type MemberSummary,
  type ModuleInfo,
  type ShellData,
} from './shell.queries';

/** The shell's data: who is signed in, for which member, with which modules; and for consortium admins, the members. */
@Injectable()
export class ShellStore {
  private readonly api = inject(HearthApiClient);
  private readonly actingFor = inject(ActingForService);
  /** Only the newest load may write: switching member twice quickly must not end on the first one's answer. */
  private latestLoad = 0;

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
  readonly isConsortiumAdmin = computed(() => this.me()?.roles.includes(CONSORTIUM_ADMIN_ROLE) ?? false);

  async load(): Promise<void> {
    const load = ++this.latestLoad;
    this.loading.set(true);
    try {
      const { data, errors } = await this.api.query<ShellData>(SHELL_QUERY);
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
      this.error.set(error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error)));
    } finally {
      if (load === this.latestLoad) this.loading.set(false);
    }
  }

  /** Acts for a member (or stops, with null) and reloads everything under that member. */
  actFor(slug: string | null): Promise<void> {
    this.actingFor.set(slug);
    return this.load();
  }

  private async loadMembers(): Promise<void> {
    try {
      const { data } = await this.api.query<MembersData>(MEMBERS_QUERY);
      this.members.set(data.members.edges.map((edge) => edge.node));
      this.membersError.set(null);
    } catch (error) {
      this.membersError.set(error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error)));
    }
  }
}

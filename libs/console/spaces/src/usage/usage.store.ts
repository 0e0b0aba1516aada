import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError } from '@hearth/console-core';
import { SpacesQuotasDocument, SpacesSetQuotaDocument, SpacesUsageDocument, type SpacesQuotasQuery, type SpacesUsageQuery } from '../graphql.generated';

export type UsageReport = SpacesUsageQuery['spaceUsageReport'];
export type Quota = SpacesQuotasQuery['spaceQuotas'][number];

/** The usage report for a period, and (for consortium admins) the default fair-use quota. */
@Injectable()
export class UsageStore {
  private readonly api = inject(HearthApi);
  private latest = 0;

  readonly report = signal<UsageReport | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly defaultQuota = signal<Quota | null>(null);
  readonly quotaSaved = signal(false);
  readonly quotaError = signal<ApiError | null>(null);

  async load(from: string, to: string): Promise<void> {
    const request = ++this.latest;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(SpacesUsageDocument, { from, to });
      if (request !== this.latest) return;
      this.report.set(data.spaceUsageReport);
      this.error.set(null);
    } catch (error) {
      if (request !== this.latest) return;
      this.report.set(null);
      this.error.set(asApiError(error));
    } finally {
      if (request === this.latest) this.loading.set(false);
    }
  }

  async loadQuotas(): Promise<void> {
    try {
      const { data } = await this.api.query(SpacesQuotasDocument);
      this.defaultQuota.set(data.spaceQuotas.find((quota) => quota.organisationId === null) ?? null);
    } catch (error) {
      this.quotaError.set(asApiError(error));
    }
  }

  async saveDefaultQuota(hoursPerWeek: number, openBookingsPerPerson: number): Promise<void> {
    this.quotaSaved.set(false);
    this.quotaError.set(null);
    try {
      const { setSpaceQuota } = await this.api.mutate(SpacesSetQuotaDocument, { input: { organisationId: null, hoursPerWeek, openBookingsPerPerson } });
      if (setSpaceQuota.__typename === 'SpaceQuota') {
        this.defaultQuota.set({ ...setSpaceQuota, organisationName: null });
        this.quotaSaved.set(true);
      }
    } catch (error) {
      this.quotaError.set(asApiError(error));
    }
  }
}

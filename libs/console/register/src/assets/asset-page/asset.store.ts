import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, PagedList, problemsByField, SessionStore, type UpdateAssetInput } from '@hearth/console-core';
import {
  RegisterAssetChildrenDocument,
  RegisterAssetDocument,
  RegisterAssetRepairsDocument,
  RegisterUpdateAssetDocument,
  type RegisterAssetLineFragment,
  type RegisterAssetQuery,
  type RegisterAssetRepairsQuery,
} from '../../graphql.generated';
import { type FormOutcome } from '../../shared/register.format';

export type AssetDetails = NonNullable<RegisterAssetQuery['asset']>;
export type AssetRepair = RegisterAssetRepairsQuery['repairs']['edges'][number]['node'];

/** A dwelling's repairs are few; the newest this many are shown, open ones first. */
export const REPAIRS_SHOWN = 50;
const FINISHED_WORK = new Set(['COMPLETED', 'INSPECTED', 'CANCELLED']);

/** Open until cancelled, or until every work order raised for it is finished. */
export function isOpenRepair(repair: AssetRepair): boolean {
  if (repair.status === 'CANCELLED') return false;
  return repair.workOrders.length === 0 || repair.workOrders.some((order) => !FINISHED_WORK.has(order.status));
}

/** An asset's page: the asset, what is part of it, its repairs, and changes to its details. */
@Injectable()
export class AssetStore {
  private readonly api = inject(HearthApi);
  private readonly session = inject(SessionStore);
  private id = '';
  private latest = 0;

  readonly asset = signal<AssetDetails | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly notFound = signal(false);
  readonly repairs = signal<{ open: AssetRepair[]; closed: AssetRepair[]; total: number } | null>(null);
  readonly repairsError = signal<ApiError | null>(null);

  readonly children = new PagedList<RegisterAssetLineFragment>(25, async (first, after) => {
    const { data } = await this.api.query(RegisterAssetChildrenDocument, { id: this.id, first, after });
    return data.asset?.children ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
  });

  async load(id: string): Promise<void> {
    const load = ++this.latest;
    this.id = id;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(RegisterAssetDocument, { id, withTenancy: this.session.isEnabled('tenancies') });
      if (load !== this.latest) return;
      this.asset.set(data.asset);
      this.notFound.set(data.asset === null);
      this.error.set(null);
      if (data.asset) {
        void this.children.first();
        if (this.session.isEnabled('repairs')) void this.loadRepairs(id, load);
      }
    } catch (error) {
      if (load !== this.latest) return;
      this.asset.set(null);
      this.error.set(asApiError(error));
    } finally {
      if (load === this.latest) this.loading.set(false);
    }
  }

  async save(input: UpdateAssetInput): Promise<FormOutcome> {
    try {
      const { updateAsset: result } = await this.api.mutate(RegisterUpdateAssetDocument, { id: this.id, input });
      switch (result.__typename) {
        case 'Asset':
          await this.load(this.id);
          return { saved: true, value: undefined };
        case 'AssetInvalid':
          return { saved: false, problems: problemsByField(result.problems), message: null };
        case 'DuplicateUprn':
          return { saved: false, problems: { uprn: result.message }, message: null };
        case 'AssetNotFound':
          return { saved: false, problems: {}, message: result.message };
      }
    } catch (error) {
      return { saved: false, problems: {}, message: asApiError(error).message };
    }
  }

  private async loadRepairs(assetId: string, load: number): Promise<void> {
    try {
      const { data } = await this.api.query(RegisterAssetRepairsDocument, { assetId, first: REPAIRS_SHOWN });
      if (load !== this.latest) return;
      const repairs = data.repairs.edges.map((edge) => edge.node);
      this.repairs.set({ open: repairs.filter(isOpenRepair), closed: repairs.filter((r) => !isOpenRepair(r)), total: data.repairs.totalCount });
      this.repairsError.set(null);
    } catch (error) {
      if (load !== this.latest) return;
      this.repairsError.set(asApiError(error));
    }
  }
}

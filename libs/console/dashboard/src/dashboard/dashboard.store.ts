import { computed, effect, inject, Injectable, untracked } from '@angular/core';
import { HearthApi, SessionStore } from '@hearth/console-core';
import {
  DashboardArrearsDocument,
  DashboardRepairsDocument,
  DashboardWebhooksDocument,
  type DashboardArrearsQuery,
  type DashboardRepairsQuery,
  type DashboardWebhooksQuery,
} from '../graphql.generated';
import { Panel } from './panel';

export type RepairsFigures = DashboardRepairsQuery['repairsDashboard'];
export type ArrearsFigures = DashboardArrearsQuery['arrearsSummary'];
export type WebhookEndpointSummary = DashboardWebhooksQuery['webhookEndpoints']['edges'][number]['node'];

/** RP02 for the current month and the five before it. */
export const RP02_MONTHS = 6;
export const ARREARS_WEEKS = 12;

/**
 * The dashboard's figures, a panel per module: each loads only when its module is on for the
 * member and the user's roles open its pages, and loads again when the member changes.
 */
@Injectable()
export class DashboardStore {
  private readonly api = inject(HearthApi);
  private readonly session = inject(SessionStore);

  readonly showRepairs = computed(() => this.session.canOpen('repairs'));
  readonly showHazards = computed(() => this.session.canOpen('repairs/hazards'));
  readonly showRent = computed(() => this.session.canOpen('rent'));
  /** Those who manage webhooks are told of endpoints switched off for failing. */
  readonly showWebhooks = computed(() => this.session.canOpen('integrations/webhooks'));
  /** A consortium admin sees a member's figures only while acting for it. */
  readonly needsMember = computed(() => this.session.isConsortiumAdmin() && !this.session.member());
  readonly memberCount = computed(() => this.session.members()?.length ?? null);

  readonly repairs = new Panel<RepairsFigures>(
    async () => (await this.api.query(DashboardRepairsDocument, { months: RP02_MONTHS })).data.repairsDashboard,
  );
  readonly arrears = new Panel<ArrearsFigures>(
    async () => (await this.api.query(DashboardArrearsDocument, { weeks: ARREARS_WEEKS })).data.arrearsSummary,
  );
  readonly disabledEndpoints = new Panel<WebhookEndpointSummary[]>(async () =>
    (await this.api.query(DashboardWebhooksDocument)).data.webhookEndpoints.edges
      .map((edge) => edge.node)
      .filter((endpoint) => endpoint.status === 'DISABLED'),
  );

  constructor() {
    effect(() => {
      // The member is read so that switching member loads the new one's figures.
      this.session.member();
      const repairs = this.showRepairs();
      const rent = this.showRent();
      const webhooks = this.showWebhooks();
      untracked(() => {
        if (webhooks) void this.disabledEndpoints.load();
        else this.disabledEndpoints.clear();
        if (repairs) void this.repairs.load();
        else this.repairs.clear();
        if (rent) void this.arrears.load();
        else this.arrears.clear();
      });
    });
  }
}

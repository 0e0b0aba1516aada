import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

export class Webhooks1764100300000 implements MigrationInterface {
  name = 'Webhooks1764100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.webhook_endpoint (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        url text not null check (length(url) between 1 and 2048),
        description text not null default '' check (length(description) <= 500),
        event_types text[] not null check (cardinality(event_types) between 1 and 200),
        status text not null default 'active' check (status in ('active', 'disabled')),
        disabled_reason text,
        disabled_at timestamptz,
        -- AES-256-GCM under WEBHOOKS_SECRET_KEY; never returned except once, on creation or rotation.
        secret_sealed text not null,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz,
        secret_rotated_at timestamptz,
        last_success_at timestamptz,
        -- The first failed attempt since the last success: the disable rule counts from here.
        failing_since timestamptz,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        check ((status = 'disabled') = (disabled_at is not null)),
        check ((previous_secret_sealed is null) = (previous_secret_expires_at is null))
      )`);
    // Lists (newest first) and the fan-out (a member's active endpoints) read a member's few rows by the key.
    await q.query(`create index webhook_endpoint_listed on hearth.webhook_endpoint (tenant_id, created_at desc, id desc)`);
    await isolateTenantTable(q, 'webhook_endpoint');

    await q.query(`
      create table hearth.webhook_delivery (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        endpoint_id uuid not null,
        event_id uuid not null,
        webhook_id text not null,
        event_type text not null,
        aggregate_type text not null,
        aggregate_id text not null,
        -- The outbox event's seq: the order of events, for delivering each resource's in order.
        sequence bigint not null,
        occurred_at timestamptz not null,
        -- The event's payload, kept so a replay after the outbox is pruned sends the same body.
        payload jsonb not null,
        status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
        attempts integer not null default 0 check (attempts >= 0),
        -- Attempts since it was created or last replayed: the retry schedule's position.
        round_attempts integer not null default 0 check (round_attempts >= 0),
        replays integer not null default 0,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_response_status integer,
        last_response_body text,
        last_error text,
        succeeded_at timestamptz,
        failed_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, endpoint_id, event_id),
        foreign key (tenant_id, endpoint_id) references hearth.webhook_endpoint (tenant_id, id) on delete cascade,
        check ((status = 'pending') = (next_attempt_at is not null))
      )`);
    // The delivery log, newest first, per endpoint.
    await q.query(`create index webhook_delivery_log on hearth.webhook_delivery (tenant_id, endpoint_id, sequence desc, id)`);
    // The ordering rule (an earlier pending delivery about the same resource) and the sweep.
    await q.query(`create index webhook_delivery_pending on hearth.webhook_delivery (tenant_id, endpoint_id, aggregate_type, aggregate_id, sequence) where status = 'pending'`);
    await q.query(`create index webhook_delivery_due on hearth.webhook_delivery (tenant_id, next_attempt_at) where status = 'pending'`);
    await isolateTenantTable(q, 'webhook_delivery');

    await q.query(`
      create table hearth.webhook_attempt (
        tenant_id uuid not null references hearth.tenant (id),
        delivery_id uuid not null,
        attempt integer not null check (attempt >= 1),
        started_at timestamptz not null,
        duration_ms integer not null check (duration_ms >= 0),
        response_status integer,
        response_body text,
        error text,
        succeeded boolean not null,
        primary key (tenant_id, delivery_id, attempt),
        foreign key (tenant_id, delivery_id) references hearth.webhook_delivery (tenant_id, id) on delete cascade
      )`);
    await isolateTenantTable(q, 'webhook_attempt');

    // The fan-out finds a resource's recent earlier events (to keep its deliveries in order) by this.
    await q.query(`create index outbox_event_by_aggregate on hearth.outbox_event (tenant_id, aggregate_type, aggregate_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index hearth.outbox_event_by_aggregate`);
    await q.query(`drop table hearth.webhook_attempt`);
    await q.query(`drop table hearth.webhook_delivery`);
    await q.query(`drop table hearth.webhook_endpoint`);
  }
}

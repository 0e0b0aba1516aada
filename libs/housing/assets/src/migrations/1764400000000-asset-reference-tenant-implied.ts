import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An asset's legacy reference no longer has a key of its own to `hearth.tenant`: its key to the
 * asset, `(tenant_id, asset_id)`, already proves the member exists (ADR 18). Each key is a lookup
 * PostgreSQL makes for every row written, and imports and the generator write a reference for
 * every asset.
 */
export class AssetReferenceTenantImplied1764400000000 implements MigrationInterface {
  name = 'AssetReferenceTenantImplied1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table hearth.asset_reference drop constraint asset_reference_tenant_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table hearth.asset_reference add constraint asset_reference_tenant_id_fkey foreign key (tenant_id) references hearth.tenant (id)`);
  }
}

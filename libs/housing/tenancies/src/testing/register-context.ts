import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { HearthConfig } from '@hearth/platform-core';
import { TransactionManager, type Actor } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '../tenancies.module';

/** The register's services on the platform, as the worker or CLI would build them, without GraphQL. */
export function startRegister(config: HearthConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config, modules: [AssetsModule, TenanciesModule], process: 'test' }),
    { logger: false },
  );
}

const staff = (id: string, name: string, roles: string[]): Actor => ({ kind: 'user', id, name, roles, scopes: [], organizations: [] });
export const OFFICER = staff('officer-1', 'Ffion Evans', ['housing-officer']);
export const PLANNER = staff('planner-1', 'Dai Price', ['repairs-planner']);

/** Runs `work` as one unit of work of `actor` for the member, committed when it resolves. */
export function workAs<T>(app: INestApplicationContext, tenantId: string, actor: Actor, work: () => Promise<T>): Promise<T> {
  return app.get(TransactionManager).run({ actor, tenantId }, work);
}

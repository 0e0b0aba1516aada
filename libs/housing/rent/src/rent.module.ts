import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { RequestContextMiddleware } from '@hearth/platform-graphql';
import { fromParts, HearthModule } from '@hearth/platform-kernel';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { Rent1763900600000 } from './migrations/1763900600000-rent';
import { RentEvent, rentEvents, rentPermissions } from './rent.permissions';
import { checkRentSettings, rentSettingsSchema } from './rent.settings';
import { accountsPart } from './accounts/accounts.part';
import { runsPart } from './runs/runs.part';
import { paymentsPart } from './payments/payments.part';
import { arrearsPart } from './arrears/arrears.part';
import { statementsPart } from './statements/statements.part';
import { dashboardPart } from './dashboard/dashboard.part';
import { accountRecoveryPart } from './arrears/account-recovery.part';
import { ARREARS_EVERY_MS, ArrearsTask } from './arrears/arrears.task';
import { RentRunQueuedHandler } from './runs/rent-run-queue';
import { RentRunProcessor } from './runs/rent-run.processor';
import { StatementPdfController } from './statements/statement-pdf.controller';
import { ArrearsStagePlanKind } from './shareable/arrears-stage-plan.kind';
import { LetterTemplateKind } from './shareable/letter-template.kind';
import { PaymentReferenceProbe } from './shareable/payment-reference.probe';

/**
 * Rent and income: accounts per tenancy on one append-only ledger whose balances PostgreSQL
 * keeps, rent runs, payments and suspense, arrears recovery, arrangements and statements. Reads
 * the tenancies and people it depends on (ADR 9).
 */
@HearthModule({
  key: 'rent',
  name: 'Rent and income',
  description: 'Rent accounts, rent runs, payments and suspense, arrears recovery, payment arrangements and statements, in English and Welsh.',
  version: '1.0.0',
  dependsOn: ['tenancies'],
  imports: [CalendarModule, ImportsModule],
  // Each area declares what it adds in its own <area>.part.ts.
  ...fromParts([accountsPart, runsPart, paymentsPart, arrearsPart, statementsPart, accountRecoveryPart, dashboardPart]),
  migrations: [Rent1763900600000],
  controllers: [StatementPdfController],
  processors: [RentRunProcessor],
  permissions: rentPermissions,
  settings: rentSettingsSchema,
  checkSettings: checkRentSettings,
  // Shared through the shared configuration library; no payment reference is published.
  configurationKinds: [LetterTemplateKind, ArrearsStagePlanKind],
  privateDataProbes: [PaymentReferenceProbe],
  events: { emits: rentEvents, handles: { [RentEvent.RunQueued]: RentRunQueuedHandler } },
  schedules: [
    {
      key: 'arrears',
      description: 'Completes and breaks payment arrangements and moves accounts through the recovery stages, with their letters, tasks and events, once each.',
      every: ARREARS_EVERY_MS,
      task: ArrearsTask,
    },
  ],
  console: {
    routes: [
      { path: 'rent', title: { en: 'Rent accounts', cy: 'Cyfrifon rhent' }, roles: rentPermissions.read.roles },
      { path: 'rent/suspense', title: { en: 'Suspense', cy: 'Taliadau heb eu dyrannu' }, roles: rentPermissions.manage.roles },
    ],
  },
})
export class RentModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The statement PDF is an HTTP route outside GraphQL that works on a member's data.
    consumer.apply(RequestContextMiddleware).forRoutes(StatementPdfController);
  }
}

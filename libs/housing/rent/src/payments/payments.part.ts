import type { ModulePart } from '@hearth/platform-kernel';
import { PartnerPaymentService } from './partner-payments.service';
import { PaymentImporter } from './payment.importer';
import { PaymentResolver } from './payments.resolver';
import { PaymentService } from './payments.service';

/** What this area adds to the rent module: the payments file import, suspense and allocation by hand, and providers' postings. */
export const paymentsPart: ModulePart = {
  providers: [PaymentService, PartnerPaymentService],
  resolvers: [PaymentResolver],
  importers: [PaymentImporter],
};

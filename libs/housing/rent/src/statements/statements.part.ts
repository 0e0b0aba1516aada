import type { ModulePart } from '@hearth/platform-kernel';
import { StatementResolver } from './statement.resolver';
import { StatementService } from './statement.service';

/**
 * What this area adds to the rent module. Its PDF route, StatementPdfController, is declared on
 * the module itself (`controllers`, and RequestContextMiddleware in `configure`): parts carry no
 * controllers.
 */
export const statementsPart: ModulePart = {
  providers: [StatementService],
  resolvers: [StatementResolver],
  exports: [StatementService],
};

import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { Access } from '@hearth/platform-auth';
import { HttpErrorFilter, UnitOfWorkInterceptor } from '@hearth/platform-imports';
import { ModuleEnablement } from '@hearth/platform-kernel';
import { LETTER_LANGUAGES, type LetterLanguage } from '../rent.entities';
import { rentPermissions as can } from '../rent.permissions';
import { renderStatementPdf } from './statement-pdf';
import { RentStatement } from './statement.model';
import { StatementService } from './statement.service';

const badId = () => new HearthError('BAD_USER_INPUT', 'The account id must be a UUID', { field: 'id' });

/**
 * `GET /rent/accounts/:id/statement.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD&language=en|cy`: the
 * `rentStatement` query's statement as a PDF to download, with the same token, permission and
 * answers (language defaults to the contract-holder's). Its unit of work is opened by the rent
 * module's RequestContextMiddleware and ended by UnitOfWorkInterceptor, as the file upload's is.
 */
@Controller('rent/accounts')
@UseFilters(HttpErrorFilter)
@UseInterceptors(UnitOfWorkInterceptor)
export class StatementPdfController {
  constructor(
    private readonly statements: StatementService,
    private readonly enablement: ModuleEnablement,
  ) {}

  @Get(':id/statement.pdf')
  @Access(can.read)
  async statementPdf(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: badId })) accountId: string,
    @Query('from') from = '',
    @Query('to') to = '',
    @Query('language') language?: string,
  ): Promise<StreamableFile> {
    // GraphQL's ModuleGuard knows resolvers only: a route checks its module itself.
    await this.enablement.assertEnabled('rent');
    const chosen = language?.toLowerCase();
    if (chosen !== undefined && !LETTER_LANGUAGES.includes(chosen as LetterLanguage)) {
      throw new HearthError('BAD_USER_INPUT', `language must be one of ${LETTER_LANGUAGES.join(', ')}`, { field: 'language' });
    }
    const statement = await this.statements.statement({ accountId, from, to, language: chosen as LetterLanguage | undefined });
    if (!(statement instanceof RentStatement)) throw new HearthError(statement.code === 'RENT_ACCOUNT_NOT_FOUND' ? 'NOT_FOUND' : 'BAD_USER_INPUT', statement.message);
    return new StreamableFile(await renderStatementPdf(statement), {
      type: 'application/pdf',
      disposition: `attachment; filename="rent-statement-${statement.paymentReference.replace(/\//g, '-')}-${from}-${to}.pdf"`,
    });
  }
}

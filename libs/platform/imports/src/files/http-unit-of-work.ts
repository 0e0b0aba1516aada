import {
  Catch,
  HttpException,
  Injectable,
  Logger,
  type ArgumentsHost,
  type CallHandler,
  type ExceptionFilter,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { catchError, concatMap, type Observable } from 'rxjs';
import { HearthError } from '@hearth/platform-core';
import { hearthContext, TransactionManager } from '@hearth/platform-database';

/**
 * Ends an HTTP request's unit of work (opened by RequestContextMiddleware) the way the GraphQL
 * transaction plugin ends a request's: committed before the response is sent, so a client
 * that is told an id can use it at once; rolled back whole if the handler fails. The guards
 * open no transaction when they refuse, so a refused request has nothing to end.
 */
@Injectable()
export class UnitOfWorkInterceptor implements NestInterceptor {
  constructor(private readonly transactions: TransactionManager) {}

  intercept(_execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const context = hearthContext.require();
    return next.handle().pipe(
      concatMap(async (value) => {
        await this.transactions.finish(context, 'commit');
        return value;
      }),
      catchError(async (error) => {
        await this.transactions.finish(context, 'rollback');
        throw error;
      }),
    );
  }
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  TENANT_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MODULE_DISABLED: 403,
  UNKNOWN_MEMBER: 404,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
};

/**
 * Answers an HTTP endpoint's errors as GraphQL's are answered: `{ code, message }` with the
 * same stable codes, and a status to match. Anything unexpected is logged, never shown.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body = { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' };
    if (error instanceof HearthError) {
      status = STATUS[error.code] ?? 500;
      body = { code: error.code, message: error.message };
    } else if (error instanceof HttpException) {
      status = error.getStatus();
      body = { code: status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL', message: error.message };
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    // A refused upload may still be arriving; closing the connection stops it rather than reading it all.
    if (status === 413 || status === 415) response.setHeader('connection', 'close');
    response.status(status).json(body);
  }
}

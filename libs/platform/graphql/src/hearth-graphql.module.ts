import { Module, ValidationPipe, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { hearthContext, TransactionManager } from '@hearth/platform-database';
import { formatError } from './format-error';
import { costLimitPlugin, depthLimit, QUERY_LIMITS, rateLimitStatusPlugin } from './query-limits';
import { RequestContextMiddleware, transactionPlugin, type GraphQLRequestContext } from './request-context';

/** The API's GraphQL server with Hearth's conventions applied in one place. */
@Module({})
export class HearthGraphQLModule implements NestModule {
  static forRoot(): DynamicModule {
    return {
      module: HearthGraphQLModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [HEARTH_CONFIG, TransactionManager],
          useFactory: (config: HearthConfig, transactions: TransactionManager) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: config.env !== 'production',
            context: ({ req, res }: { req: Request; res: Response }): GraphQLRequestContext => ({
              req,
              res,
              hearth: hearthContext.require(),
            }),
            formatError,
            validationRules: [depthLimit(QUERY_LIMITS.maxDepth)],
            plugins: [
              transactionPlugin(transactions),
              costLimitPlugin(QUERY_LIMITS.maxCost, QUERY_LIMITS.maxPageSize),
              rateLimitStatusPlugin(),
            ],
          }),
        }),
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('graphql');
  }
}

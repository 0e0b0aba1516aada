import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { HearthConfig } from '@hearth/platform-core';

/**
 * Structured JSON logs. Credentials never reach them: the Authorization header and cookies
 * are redacted at the logger, not left to each call site.
 */
export function loggerOptions(config: HearthConfig, processName: string): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      name: `hearth-${processName}`,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      genReqId: (req: IncomingMessage) => {
        const id = req.headers['x-request-id'];
        return typeof id === 'string' ? id : crypto.randomUUID();
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
    },
  };
}

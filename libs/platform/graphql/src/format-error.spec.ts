import { Logger } from '@nestjs/common';
import { GraphQLError, locatedError } from 'graphql';
import { formatError } from './format-error';

// An INTERNAL error is logged with its stack; here that is the expected outcome, not news.
beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

const format = (thrown: unknown) => formatError({ message: 'raw' }, locatedError(thrown, undefined, ['field']));

describe('formatError', () => {
  it('answers UNAVAILABLE, with no detail, when PostgreSQL cannot be reached or the connection drops', () => {
    for (const thrown of [
      { errno: -104, code: 'ECONNRESET', syscall: 'read' }, // what the driver throws for a reset socket: not an Error
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ]) {
      const formatted = format(thrown);
      expect(formatted.extensions).toEqual({ code: 'UNAVAILABLE' });
      expect(formatted.message).toMatch(/^Hearth cannot reach its database just now/);
    }
  });

  it('hides anything else behind INTERNAL', () => {
    const formatted = format(new Error('relation "hearth.secret" does not exist'));
    expect(formatted).toMatchObject({ message: 'Something went wrong on our side; it has been logged', extensions: { code: 'INTERNAL' } });
    expect(format(new GraphQLError('x')).extensions?.code).toBe('INTERNAL');
  });
});

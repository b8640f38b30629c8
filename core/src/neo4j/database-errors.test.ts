import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../errors.js';
import { isDatabaseUnavailable, toAppError } from './database-errors.js';

describe('isDatabaseUnavailable', () => {
  it('knows a database that is unreachable, or reachable but still starting', () => {
    expect(isDatabaseUnavailable(new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '', ''))).toBe(true);
    // What a query gets while an embedded Neo4j restarts: seen as HTTP 500 under load before this code was known.
    const starting = new Neo4jError(
      'The database is not currently available to serve your request, refer to the database logs for more details.',
      'Neo.TransientError.General.DatabaseUnavailable',
      '',
      '',
    );
    expect(isDatabaseUnavailable(starting)).toBe(true);
    expect(toAppError(starting, 'api')).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('leaves query errors alone', () => {
    const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '', '');
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(toAppError(syntax, 'api')).toBe(syntax);
  });
});

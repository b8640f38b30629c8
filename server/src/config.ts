/**
 * The server's own settings, from the environment. Neo4j's live in
 * core/src/config.ts.
 */
import { ValidationError } from '../../core/src/errors.js';

export interface ServerConfig {
  /** TCP port for the API and the explorer. */
  port: number;
  /** Interface to bind; loopback by default, so nothing is reachable from elsewhere. */
  host: string;
}

export const DEFAULT_SERVER_CONFIG: ServerConfig = { port: 3000, host: '127.0.0.1' };

export function resolveServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_SERVER_CONFIG.port : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ValidationError(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`, {
      details: { field: 'PORT' },
    });
  }
  return { port, host: env.HOST?.trim() || DEFAULT_SERVER_CONFIG.host };
}

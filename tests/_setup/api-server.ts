/**
 * Runs the real Express app on a free loopback port for HTTP tests, with a
 * small fetch helper that returns status and parsed JSON.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { createApp, type AppOptions } from '../../server/src/app.js';

export interface TestServer {
  url: string;
  call<T = any>(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

export async function startTestServer(graph: Graph, options: Partial<AppOptions> = {}): Promise<TestServer> {
  const app = createApp({ graph, localAnalyst: 'local-tester', ...options });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async call(method, path, { body, token, headers = {} } = {}) {
      const response = await fetch(url + path, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Path-safe id: article ids are URLs. */
export const enc = encodeURIComponent;

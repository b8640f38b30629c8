import { describe, expect, it } from 'vitest';
import { isLoopbackHost, neo4jOnThisMachine } from './config.js';

describe('neo4jOnThisMachine', () => {
  it('is true for the embedded database and for a server at a loopback address', () => {
    expect(neo4jOnThisMachine({ uri: undefined })).toBe(true);
    expect(neo4jOnThisMachine({ uri: 'bolt://127.0.0.1:7687' })).toBe(true);
    expect(neo4jOnThisMachine({ uri: 'neo4j://localhost' })).toBe(true);
    expect(neo4jOnThisMachine({ uri: 'bolt://[::1]:7687' })).toBe(true);
  });

  it('is false for a server elsewhere, such as Aura', () => {
    expect(neo4jOnThisMachine({ uri: 'neo4j+s://abcd1234.databases.neo4j.io' })).toBe(false);
    expect(neo4jOnThisMachine({ uri: 'bolt://graph.internal:7687' })).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it('knows every way this machine is written, and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '10.0.0.5', 'example.org', '::', 'localhost.example.org']) expect(isLoopbackHost(host)).toBe(false);
  });
});

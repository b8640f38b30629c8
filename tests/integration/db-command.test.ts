// `npm run db`: the embedded Neo4j alone, its Bolt URI printed for any tool
// that speaks Bolt, stopped cleanly by Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../core/src/neo4j/connect.js';
import { findFreePort } from '../../core/src/neo4j/embedded.js';

const ROOT = path.resolve(__dirname, '../..');

describe('npm run db', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-db-command-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a Bolt URI where the official driver finds a Neo4j 5.26 kernel, and stops on SIGINT', async () => {
    const port = await findFreePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'core/src/neo4j/db-command.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(port), NEO4J_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const uri = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('bolt://') && resolve(line));
      void exited.then((code) => reject(new Error(`npm run db exited early with ${code}`)));
    });
    expect(uri).toBe(`bolt://127.0.0.1:${port}`);

    const driver = createDriver(uri);
    try {
      const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN *');
      expect(records[0].get('name')).toBe('Neo4j Kernel');
      expect(records[0].get('versions')[0]).toMatch(/^5\.26\./);
    } finally {
      await driver.close();
    }

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

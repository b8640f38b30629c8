// Who may write: the local single user on loopback, analysts and admins with a token, never a viewer.
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../core/src/errors.js';
import { currentAnalyst, requireAnalyst } from './auth.js';

function run(options: Parameters<typeof requireAnalyst>[0], analyst?: { name: string; role: 'viewer' | 'analyst' | 'admin' }) {
  const res = { locals: analyst ? { analyst } : {} } as unknown as Response;
  let passed = false;
  requireAnalyst(options)({} as Request, res, () => {
    passed = true;
  });
  return { passed, who: currentAnalyst(res) };
}

describe('requireAnalyst', () => {
  it('lets the local user write under their name when allowed (loopback)', () => {
    expect(run({ allowLocalDefault: true, localName: 'ana' })).toEqual({ passed: true, who: { name: 'ana', role: 'admin' } });
  });

  it('refuses an anonymous write beyond loopback with 401', () => {
    expect(() => run({ allowLocalDefault: false })).toThrow(expect.objectContaining({ status: 401, code: 'unauthenticated' }));
  });

  it('refuses a viewer with 403 and lets an analyst through as themselves', () => {
    expect(() => run({ allowLocalDefault: true }, { name: 'vic', role: 'viewer' })).toThrow(AuthError);
    expect(() => run({ allowLocalDefault: false }, { name: 'vic', role: 'viewer' })).toThrow(expect.objectContaining({ status: 403 }));
    expect(run({ allowLocalDefault: false }, { name: 'bea', role: 'analyst' })).toEqual({ passed: true, who: { name: 'bea', role: 'analyst' } });
  });
});

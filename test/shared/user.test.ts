import { describe, expect, it } from 'vitest';
import { roleAllows, type UserRole } from '../../shared/domain/user.js';

describe('roleAllows', () => {
  const table: Array<[UserRole, UserRole, boolean]> = [
    ['viewer', 'viewer', true],
    ['viewer', 'responder', false],
    ['viewer', 'admin', false],
    ['responder', 'viewer', true],
    ['responder', 'responder', true],
    ['responder', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'responder', true],
    ['admin', 'admin', true],
  ];
  it.each(table)('%s may do what a %s may: %s', (role, needed, allowed) => {
    expect(roleAllows(role, needed)).toBe(allowed);
  });
});

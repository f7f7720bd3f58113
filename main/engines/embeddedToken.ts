import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../storage/atomicFile.js';
import { secretStoreProblem, type SafeStorageLike } from './secretBox.js';

/** A token the engine accepts as `--admin-token` (engine/auth/apiTokens.ts tokenPattern). */
export function newAdminToken(): string {
  return `noc_${randomBytes(32).toString('base64url')}`;
}

/**
 * The embedded engine's admin token: generated at first start and handed to the engine as its
 * admin token, so the app signs in without anyone copying a token. Stored encrypted by
 * safeStorage when a secret store is there. Without one it is stored in a file only the user
 * can read (0600): unlike a remote engine's token, it opens only an engine on this computer's
 * loopback whose whole data directory sits beside it with the same protection, so refusing to
 * start would protect nothing. The file says which form it is in.
 */
export function loadOrCreateEmbeddedToken(
  file: string,
  storage: SafeStorageLike,
  platform: string,
): string {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { form?: string; value?: string };
    if (stored.form === 'safeStorage' && typeof stored.value === 'string')
      return storage.decryptString(Buffer.from(stored.value, 'base64'));
    if (stored.form === 'plain' && typeof stored.value === 'string') return stored.value;
  }
  const token = newAdminToken();
  const encrypted = secretStoreProblem(storage, platform) === null;
  const record = encrypted
    ? { form: 'safeStorage', value: storage.encryptString(token).toString('base64') }
    : { form: 'plain', value: token };
  writeFileAtomic(file, JSON.stringify(record));
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return token;
}

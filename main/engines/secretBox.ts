/**
 * Tokens of remote engines are stored only encrypted by the OS's secret store (Electron's
 * safeStorage: Keychain, DPAPI, libsecret/kwallet). When it is unavailable — or on Linux when
 * it would fall back to `basic_text`, a key hard-coded in Chromium that protects nothing —
 * storing is refused with a message that says so, instead of writing the token readably.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export class SecureStorageUnavailable extends Error {
  readonly code = 'secure_storage_unavailable';
}

export function secretStoreProblem(storage: SafeStorageLike, platform: string): string | null {
  if (!storage.isEncryptionAvailable())
    return 'This computer offers no secret store to encrypt the token with, so Nocturne does not store it (it never keeps tokens in plain text). On Linux, run a keyring such as GNOME Keyring or KWallet and start Nocturne again.';
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text')
    return 'No keyring (GNOME Keyring, KWallet) is running, so the token could only be stored with a built-in key that protects nothing. Nocturne does not store it: start a keyring and try again.';
  return null;
}

export function encryptSecret(storage: SafeStorageLike, platform: string, secret: string): string {
  const problem = secretStoreProblem(storage, platform);
  if (problem) throw new SecureStorageUnavailable(problem);
  return storage.encryptString(secret).toString('base64');
}

export function decryptSecret(storage: SafeStorageLike, ciphertext: string): string {
  return storage.decryptString(Buffer.from(ciphertext, 'base64'));
}

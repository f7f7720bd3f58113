import { describe, expect, it } from 'vitest';
import { normaliseEngineUrl } from '../../renderer/app/engineUrl.js';
import { isChromeless, parseRoute, routePath } from '../../renderer/app/routes.js';
import {
  forgetCredentials,
  loadCredentials,
  saveCredentials,
  takeTokenFromUrl,
} from '../../renderer/transport/credentials.js';

describe('routes', () => {
  it.each([
    ['/', { name: 'alerts' }],
    ['/alerts', { name: 'alerts' }],
    ['/alerts/', { name: 'alerts' }],
    ['/alerts/42', { name: 'alert', id: '42' }],
    ['/alerts/42?x=1#y', { name: 'alert', id: '42' }],
    ['/alerts/abc', { name: 'notFound', path: '/alerts/abc' }],
    ['/wall', { name: 'wall' }],
    ['/schedules', { name: 'schedules' }],
    ['/manage', { name: 'manage' }],
    ['/settings/', { name: 'settings' }],
    ['/nope', { name: 'notFound', path: '/nope' }],
  ])('%s → %o', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('formats back to paths, and the wall has no chrome', () => {
    expect(routePath({ name: 'alerts' })).toBe('/');
    expect(routePath({ name: 'alert', id: '7' })).toBe('/alerts/7');
    expect(routePath({ name: 'wall' })).toBe('/wall');
    expect(isChromeless({ name: 'wall' })).toBe(true);
    expect(isChromeless({ name: 'alerts' })).toBe(false);
  });
});

describe('engine addresses typed at sign-in', () => {
  it.each([
    ['http://127.0.0.1:7070', 'http://127.0.0.1:7070'],
    [' http://127.0.0.1:7070/ ', 'http://127.0.0.1:7070'],
    ['127.0.0.1:7070', 'http://127.0.0.1:7070'],
    ['https://noc.example.com/nocturne/', 'https://noc.example.com/nocturne'],
    ['ftp://example.com', null],
    ['http://user:pw@example.com', null],
    ['http://example.com/?token=x', null],
    ['', null],
    ['http://', null],
  ])('%s → %s', (text, url) => {
    expect(normaliseEngineUrl(text)).toBe(url);
  });
});

describe('credentials', () => {
  it('takes a wall screen’s token out of the address, keeping the rest', () => {
    const replaced: string[] = [];
    const taken = takeTokenFromUrl('http://127.0.0.1:7070/wall?token=noc_abc&x=1#top', (url) =>
      replaced.push(url),
    );
    expect(taken).toEqual({ token: 'noc_abc', origin: 'http://127.0.0.1:7070' });
    expect(replaced).toEqual(['/wall?x=1#top']);
    expect(takeTokenFromUrl('http://127.0.0.1:7070/wall', () => replaced.push('no'))).toBeNull();
    expect(takeTokenFromUrl('http://h/wall?token=', () => undefined)).toBeNull();
  });

  it('are stored, read back and forgotten; broken storage is survived', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    saveCredentials(storage, { engineUrl: 'http://h', token: 'noc_1' });
    expect(loadCredentials(storage)).toEqual({ engineUrl: 'http://h', token: 'noc_1' });
    forgetCredentials(storage);
    expect(loadCredentials(storage)).toBeNull();
    data.set('nocturne.credentials', '{"engineUrl": 3}');
    expect(loadCredentials(storage)).toBeNull();
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(loadCredentials(throwing)).toBeNull();
    expect(() => saveCredentials(throwing, { engineUrl: 'x', token: 'y' })).not.toThrow();
  });
});

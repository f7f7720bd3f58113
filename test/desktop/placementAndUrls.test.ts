import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppFile } from '../../main/windows/appOrigin.js';
import { checkExternalUrl } from '../../main/windows/externalUrl.js';
import {
  displayOf,
  fitInto,
  placeWallWindow,
  placeWindow,
  type DisplayInfo,
} from '../../main/windows/placement.js';
import { isTrustedSender } from '../../main/ipc/senderCheck.js';

const laptop: DisplayInfo = {
  id: 10,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  primary: true,
};
const wall: DisplayInfo = {
  id: 20,
  bounds: { x: 1920, y: -200, width: 3840, height: 2160 },
  workArea: { x: 1920, y: -200, width: 3840, height: 2160 },
  primary: false,
};
const size = { width: 1280, height: 820 };

describe('window placement', () => {
  it('restores a window on the monitor it was on', () => {
    const saved = { displayId: 20, bounds: { x: 2000, y: 0, width: 1600, height: 900 } };
    expect(placeWindow([laptop, wall], saved, size)).toEqual({
      displayId: 20,
      bounds: saved.bounds,
      fellBack: false,
    });
  });

  it('falls back to the primary monitor, centred, when that monitor is gone', () => {
    const saved = { displayId: 20, bounds: { x: 2000, y: 0, width: 1600, height: 900 } };
    expect(placeWindow([laptop], saved, size)).toEqual({
      displayId: 10,
      bounds: { x: 320, y: 110, width: 1280, height: 820 },
      fellBack: true,
    });
  });

  it('first start: the primary monitor; a window larger than the screen is shrunk', () => {
    expect(placeWindow([wall, laptop], null, size).displayId).toBe(10);
    expect(placeWindow([laptop], null, { width: 4000, height: 3000 }).bounds).toEqual(
      laptop.workArea,
    );
  });

  it('keeps saved bounds inside the work area (a resolution that shrank)', () => {
    expect(fitInto({ x: 1800, y: 1000, width: 800, height: 600 }, laptop.workArea)).toEqual({
      x: 1120,
      y: 440,
      width: 800,
      height: 600,
    });
    const saved = { displayId: 10, bounds: { x: -500, y: -50, width: 800, height: 600 } };
    expect(placeWindow([laptop], saved, size).bounds).toEqual({
      x: 0,
      y: 0,
      width: 800,
      height: 600,
    });
  });

  it('a wall window covers the chosen display, or the primary when it is gone', () => {
    expect(placeWallWindow([laptop, wall], 20)).toEqual({
      displayId: 20,
      bounds: wall.bounds,
      fellBack: false,
    });
    expect(placeWallWindow([laptop], 20)).toEqual({
      displayId: 10,
      bounds: laptop.bounds,
      fellBack: true,
    });
    expect(placeWallWindow([laptop, wall], null).displayId).toBe(10);
  });

  it('the display a window is mostly on', () => {
    expect(displayOf([laptop, wall], { x: 1800, y: 0, width: 800, height: 600 }).id).toBe(20);
    expect(displayOf([laptop, wall], { x: 100, y: 100, width: 800, height: 600 }).id).toBe(10);
  });
});

describe('external links', () => {
  it.each([
    ['https://grafana.example.com/d/abc?x=1', true],
    ['http://10.0.0.5:3000/', true],
    ['mailto:noc@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://fileserver/share', false],
    ['ms-settings:privacy', false],
    ['https://login.bank.example@evil.example/', false],
    ['not a url', false],
    ['app://nocturne/', false],
  ])('%s → %s', (url, allowed) => {
    expect(checkExternalUrl(url).ok).toBe(allowed);
  });
});

describe('app origin and IPC senders', () => {
  it('app:// URLs map to files under the renderer root only', () => {
    expect(resolveAppFile('/r', 'app://nocturne/')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://nocturne/alerts/42')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://nocturne/assets/index-abc.js')).toBe(
      '/r/assets/index-abc.js',
    );
    expect(resolveAppFile('/r', 'app://nocturne/../../etc/passwd.txt')).toBe('/r/etc/passwd.txt');
    // The URL parser resolves dot segments, encoded or not: still under the root.
    expect(resolveAppFile('/r', 'app://nocturne/%2e%2e/%2e%2e/etc/passwd.txt')).toBe(
      '/r/etc/passwd.txt',
    );
    // Encoded slashes survive the parser; decoded, the climb is clamped at the root.
    expect(resolveAppFile('/r', 'app://nocturne/..%2f..%2fsecret.txt')).toBe('/r/secret.txt');
    expect(resolveAppFile('/r', 'app://nocturne/a%00.js')).toBeNull();
    expect(resolveAppFile('/r', 'app://other/index.html')).toBeNull();
    expect(resolveAppFile('/r', 'https://nocturne/index.html')).toBeNull();
  });

  it('only the top frame of our own window, showing our origin, is trusted', () => {
    const ours = new Set([3, 4]);
    const good = { frameUrl: 'app://nocturne/wall', isMainFrame: true, webContentsId: 3 };
    expect(isTrustedSender(good, ours)).toBe(true);
    expect(isTrustedSender({ ...good, webContentsId: 9 }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, isMainFrame: false }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'file:///tmp/x.html' }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null }, ours)).toBe(false);
    expect(isAppUrl('app://nocturne.evil.example/')).toBe(false);
  });
});

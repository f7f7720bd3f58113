import { isAppUrl } from '../windows/appOrigin.js';

/** What main knows about who sent an IPC message. */
export interface SenderFacts {
  /** The URL of the frame that sent it; null when the frame is gone (navigated, destroyed). */
  readonly frameUrl: string | null;
  /** Whether that frame is the top frame of its page (never an iframe). */
  readonly isMainFrame: boolean;
  readonly webContentsId: number;
}

/**
 * Every IPC message is checked (pure): it must come from the top frame of one of our own windows,
 * showing a page of our own origin. A window that somehow navigated elsewhere (navigation is
 * denied, but defence in depth), an iframe, or a webContents we did not create gets nothing.
 */
export function isTrustedSender(facts: SenderFacts, ourWebContents: ReadonlySet<number>): boolean {
  return facts.isMainFrame && ourWebContents.has(facts.webContentsId) && isAppUrl(facts.frameUrl);
}

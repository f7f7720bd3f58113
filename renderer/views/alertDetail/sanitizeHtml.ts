import createDOMPurify, { type DOMPurify } from 'dompurify';
import { markdownToHtml, safeImageUrl, sanitizeConfig } from './markdown.js';

let purifier: DOMPurify | null = null;

/**
 * The page's own DOMPurify instance (hooks are per instance, so other views using DOMPurify
 * are not affected): every link opens in a new tab without an opener or a referrer, every
 * image loads lazily, and an image whose source is not https is dropped.
 */
function instance(): DOMPurify {
  if (purifier) return purifier;
  purifier = createDOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      if (safeImageUrl(node.getAttribute('src') ?? '') === null) node.remove();
      else {
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
      }
    }
  });
  return purifier;
}

/** An alert's Markdown `details` as sanitised HTML, ready for the page. */
export function renderDetailsHtml(text: string): string {
  return instance().sanitize(markdownToHtml(text), {
    ...sanitizeConfig,
    ALLOWED_TAGS: [...sanitizeConfig.ALLOWED_TAGS],
    ALLOWED_ATTR: [...sanitizeConfig.ALLOWED_ATTR, 'target', 'rel'],
  });
}

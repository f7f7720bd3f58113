import { Marked } from 'marked';

/**
 * An alert's `details` as Markdown, made harmless in two layers (docs/console.md, "Alert
 * detail"): here, marked renders raw HTML as text and keeps only web and mail links (so
 * `<script>`, `onerror=` and `javascript:` never become markup); then ./sanitizeHtml.ts runs
 * DOMPurify with {@link sanitizeConfig} over the result in the page, as a second fence should a
 * parser bug let something through. The text comes from whatever monitoring tool holds an
 * integration key, so it is treated as hostile.
 */

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * A link target a click may open: `http(s)://` and `mailto:` only, as an absolute URL. Anything
 * else — `javascript:`, `data:`, `vbscript:`, entity-encoded schemes, paths relative to the
 * engine — answers null. Control characters and spaces are removed before the check, as
 * browsers ignore them in a scheme (`java\tscript:`).
 */
export function safeLinkUrl(href: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const probe = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!/^(https?:\/\/|mailto:)/i.test(probe)) return null;
  try {
    const url = new URL(probe);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * An image the page may load: `https://` only. The console's CSP (`img-src 'self' data:
 * https:`) would block a plain-http image and report a violation, so such images are shown as
 * links instead; `data:` images from a sender are not shown at all.
 */
export function safeImageUrl(src: string): string | null {
  const url = safeLinkUrl(src);
  return url !== null && url.startsWith('https:') ? url : null;
}

const anchor = (url: string, inner: string, title?: string | null) =>
  `<a href="${escapeHtml(url)}"${title ? ` title="${escapeHtml(title)}"` : ''} target="_blank" rel="noopener noreferrer">${inner}</a>`;

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML, block or inline, is shown as the text it is.
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const url = safeLinkUrl(href);
      return url === null
        ? `<span class="md-removed-link" title="Link removed: only http(s) and mailto links are kept">${inner}</span>`
        : anchor(url, inner, title);
    },
    image({ href, title, text }) {
      const alt = escapeHtml(text);
      const src = safeImageUrl(href);
      if (src === null) {
        const link = safeLinkUrl(href);
        return link === null ? alt : anchor(link, alt || escapeHtml(link), title);
      }
      const titled = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(src)}" alt="${alt}"${titled} loading="lazy" referrerpolicy="no-referrer">`;
    },
  },
});

/** Markdown → HTML with raw HTML escaped and unsafe URLs removed (still to be sanitised). */
export function markdownToHtml(text: string): string {
  return markdown.parse(text, { async: false });
}

/**
 * DOMPurify's settings for the second layer: the elements Markdown produces and nothing else
 * (no forms, inputs, frames, styles, SVG or MathML), links and images only to the schemes
 * above.
 */
export const sanitizeConfig = {
  ALLOWED_TAGS: [
    'a',
    'p',
    'br',
    'hr',
    'em',
    'strong',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'span',
  ],
  ALLOWED_ATTR: ['href', 'title', 'src', 'alt', 'loading', 'referrerpolicy', 'start', 'class'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
} as const;

import { describe, expect, it } from 'vitest';
import {
  markdownToHtml,
  safeImageUrl,
  safeLinkUrl,
  sanitizeConfig,
} from '../../renderer/views/alertDetail/markdown.js';

/** The first layer of the details' safety (docs/console.md, "Alert detail"): no DOM needed. */
describe('alert details as Markdown', () => {
  it('renders Markdown and shows raw HTML as text', () => {
    const html = markdownToHtml(
      '**Disk** full\n\n<script>alert(1)</script>\n\ninline <img src=x onerror=alert(1)> `<b>`',
    );
    expect(html).toContain('<strong>Disk</strong>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<code>&lt;b&gt;</code>');
  });

  it('keeps web and mail links, opening in a new tab without opener or referrer', () => {
    const html = markdownToHtml('[graph](https://grafana.example/d?a=1&b=2) <mailto:noc@x.test>');
    expect(html).toContain(
      '<a href="https://grafana.example/d?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">graph</a>',
    );
    expect(html).toContain('href="mailto:noc@x.test"');
  });

  it('removes javascript:, data: and relative links, keeping their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'javascript&#58;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/api/v1/me',
      'vbscript:msgbox',
    ]) {
      const html = markdownToHtml(`[click](${href})`);
      expect(html, href).not.toContain('href=');
      expect(html, href).toContain('click');
    }
  });

  it('loads https images lazily, shows http ones as links and drops others', () => {
    expect(markdownToHtml('![cpu](https://img.example/cpu.png)')).toContain(
      '<img src="https://img.example/cpu.png" alt="cpu" loading="lazy" referrerpolicy="no-referrer">',
    );
    const http = markdownToHtml('![cpu](http://img.example/cpu.png)');
    expect(http).not.toContain('<img');
    expect(http).toContain('<a href="http://img.example/cpu.png"');
    expect(markdownToHtml('![x](javascript:alert(1))')).not.toMatch(/<img|href=/);
  });

  it('checks URLs by scheme, after removing what browsers ignore', () => {
    expect(safeLinkUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeLinkUrl(' http://a.example')).toBe('http://a.example/');
    expect(safeLinkUrl('\u0000javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('//evil.example')).toBeNull();
    expect(safeImageUrl('http://a.example/p.png')).toBeNull();
    expect(safeImageUrl('https://a.example/p.png')).toBe('https://a.example/p.png');
  });

  it('lets DOMPurify keep only what Markdown produces', () => {
    const tags: readonly string[] = sanitizeConfig.ALLOWED_TAGS;
    for (const tag of ['script', 'style', 'iframe', 'object', 'form', 'input', 'svg', 'math']) {
      expect(tags).not.toContain(tag);
    }
    const attrs: readonly string[] = sanitizeConfig.ALLOWED_ATTR;
    expect(attrs.some((a) => a.startsWith('on'))).toBe(false);
    expect(attrs).not.toContain('style');
    expect(sanitizeConfig.ALLOWED_URI_REGEXP.test('javascript:alert(1)')).toBe(false);
    expect(sanitizeConfig.ALLOWED_URI_REGEXP.test('https://x.example')).toBe(true);
  });
});

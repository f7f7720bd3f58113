import { useMemo } from 'react';
import { renderDetailsHtml } from './sanitizeHtml.js';

/**
 * An alert's details as Markdown. The HTML set here is marked's output with raw HTML escaped
 * and unsafe URLs removed, then sanitised by DOMPurify (./markdown.ts says why both); nothing
 * in it can run a script, and the page's CSP would refuse one anyway.
 */
export function MarkdownDetails(props: { text: string }) {
  const html = useMemo(() => renderDetailsHtml(props.text), [props.text]);
  return (
    <div
      className="markdown"
      data-testid="alert-details"
      // Sanitised just above: see ./sanitizeHtml.ts.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

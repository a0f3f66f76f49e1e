// Answers are markdown; they become DOM only through the DOMPurify sanitiser, so that nothing an answer holds can
// run script on the host page. Links open in a new tab without access to this page (rel=noopener noreferrer).
// The result is a DOM fragment, never an HTML string, so it also works on pages that enforce Trusted Types.
import { Marked } from '../webjars/marked/lib/marked.esm.js';
import DOMPurify from '../webjars/dompurify/dist/purify.es.mjs';

const markdown = new Marked({ gfm: true, breaks: false });

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const ALLOWED = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'blockquote', 'h3', 'h4'],
  ALLOWED_ATTR: ['href', 'target', 'rel'],
  ALLOW_DATA_ATTR: false,
};

/** The sanitised DOM of a markdown text, ready to append. */
export function renderMarkdown(text) {
  return DOMPurify.sanitize(markdown.parse(String(text ?? '')), { ...ALLOWED, RETURN_DOM_FRAGMENT: true });
}

// Building DOM for the widget and the admin page alike, never from HTML strings: text is set as text and attributes
// with setAttribute, so nothing a user or the server sends is parsed as markup; no style attributes, so both run
// under a strict Content-Security-Policy. The admin page imports it from here (/widget/dom.js), where any page may
// load it: the widget's files are served to every origin, the admin's only to the admin.

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An HTML element with attributes and children.
 * @param {string} tag the element's name
 * @param {Object<string, *>} attributes set as attributes; `text` sets the text instead; true sets an empty value,
 *        false, null and undefined set nothing
 * @param {...(Node|string|null|undefined)} children appended in order; strings become text nodes, never HTML
 */
export function el(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element, with attributes and children as for {@link el}. */
export function svg(name, attributes = {}, ...children) {
  return build(document.createElementNS(SVG, name), attributes, children);
}

function build(node, attributes, children) {
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') {
      node.textContent = value ?? '';
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

// The accent colour a site owner asks for with data-accent, kept only if white text stays readable on it.
import { el } from './dom.js';

/** WCAG AA for normal text: the accent is the background of white text, and the colour of links and chips. */
const MIN_CONTRAST_WITH_WHITE = 4.5;

/**
 * The accent colour asked for, as the browser resolves it, if white text stays readable on it (WCAG AA, 4.5:1).
 * Anything else keeps the default, with a console warning.
 * @param {string|undefined} requested any CSS colour
 * @returns {string|null} an rgb() colour, or null for the default
 */
export function readableAccent(requested) {
  if (!requested) {
    return null;
  }
  const resolved = resolvedColour(requested);
  const [r, g, b, alpha = 1] = resolved?.match(/[\d.]+/g)?.map(Number) ?? [];
  if (!resolved || alpha < 1 || !(contrastWithWhite(r, g, b) >= MIN_CONTRAST_WITH_WHITE)) {
    console.warn('Parley: data-accent "' + requested + '" is not an opaque colour with 4.5:1 contrast to white;'
      + ' using the default accent.');
    return null;
  }
  return resolved;
}

/** The colour as the browser resolves it (rgb or rgba), so keywords such as currentcolor become a real colour. */
function resolvedColour(requested) {
  if (!CSS.supports('color', requested)) {
    return null;
  }
  const probe = el('span');
  probe.style.color = requested;
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

/** WCAG's contrast ratio of white on an sRGB colour (channels 0-255); NaN when a channel is missing. */
function contrastWithWhite(r, g, b) {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * lr + 0.7152 * lg + 0.0722 * lb + 0.05);
}

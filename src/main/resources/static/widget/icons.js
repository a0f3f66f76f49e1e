// The widget's icons, drawn in SVG rather than emoji: many systems (and headless browsers) have no emoji font.
import { svg } from './dom.js';

/** A thumb pointing up, or the same turned upside down. */
export function thumbIcon(up) {
  return icon('thumb-icon', 'M2 21h4V9H2v12zM22 10a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.5-1.1L13.2 1 7.6 6.6C7.2 7 '
    + '7 7.5 7 8v11a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7c.1-.2.2-.5.2-.8v-2z', up ? null : 'rotate(180 12 12)');
}

/** The launcher's two faces: a speech bubble while the chat is closed, a cross while it is open. */
export function chatIcon() {
  return icon('icon-chat', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
}

export function closeIcon() {
  return icon('icon-close', 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 '
    + '5 6.4z');
}

function icon(className, d, transform) {
  return svg('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: className }, svg('path', { d, transform }));
}

// The IIIF logo, drawn inline (no request, no CDN): three blue dotted strokes and a red F, in the
// logo's colours. Marks links a reader can drag into any IIIF viewer.

import { SafeHtml } from './html.rules.js';

/** The logo as an inline SVG, `height` px high, hidden from screen readers (the link has text). */
export function iiifLogo(height = 20): SafeHtml {
  const width = Math.round((height * 34) / 30);
  return new SafeHtml(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 34 30" width="${width}" height="${height}" aria-hidden="true" focusable="false">` +
      '<g fill="#2873AB">' +
      '<circle cx="4" cy="3.5" r="2.6"/><path d="M1.6 8.5h4.8l-1 20.5H2.6z"/>' +
      '<circle cx="11.5" cy="3.5" r="2.6"/><path d="M9.1 8.5h4.8l-1 20.5h-2.8z"/>' +
      '<circle cx="19" cy="3.5" r="2.6"/><path d="M16.6 8.5h4.8l-1 20.5h-2.8z"/>' +
      '</g>' +
      '<path fill="#ED1D33" d="M24 1.5h9.5v4.6h-5.3v6.2h4.6v4.5h-4.6V29H24z"/>' +
      '</svg>',
  );
}

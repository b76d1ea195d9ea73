// A small HTML template for server-rendered pages: a tagged template literal whose interpolated
// values are escaped unless they are already `SafeHtml` (the result of another template). Text
// from the catalogue can therefore never become markup, in element content or in a quoted attribute.

/** Markup that is already safe to send (built by `markup`, or escaped). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // NUL never reaches here (the input gate refuses it); should one appear it must not end the text.
  '\u0000': '\uFFFD',
};

/** Text → HTML text, safe in element content and in single- or double-quoted attributes. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this must catch
  return text.replace(/[&<>"'\u0000]/g, (c) => ESCAPES[c]!);
}

/** A value placed into a template: nested templates as they are, lists joined, nothing for null/false. */
function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** The template tag: markup`<p>${text}</p>` escapes `text`. */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is written as \u003c so that no text
 * (a title holding `</script>`) can close the block; the JSON means the same.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

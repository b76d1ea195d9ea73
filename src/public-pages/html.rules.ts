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
  // Most catalogue text has nothing to escape: testing first spares building a new string.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NEEDS_ESCAPE_ALL, (c) => ESCAPES[c]!);
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what this must catch
const NEEDS_ESCAPE = /[&<>"'\u0000]/;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE_ALL = /[&<>"'\u0000]/g;

/** A value placed into a template: nested templates as they are, lists joined, nothing for null/false. */
function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * The template tag: markup`<p>${text}</p>` escapes `text`. The template's own text loses the
 * indentation it has in the source (a line break and the spaces after it become one line break,
 * which HTML renders alike): it was an eighth of a record page's bytes.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const parts = compacted(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + parts[i + 1]!;
  return new SafeHtml(out);
}

/** Each template's text without its indentation, worked out once per template (the strings object is the same on every call). */
const compactedTemplates = new WeakMap<TemplateStringsArray, readonly string[]>();
function compacted(strings: TemplateStringsArray): readonly string[] {
  let parts = compactedTemplates.get(strings);
  if (!parts) {
    parts = strings.map((part) => part.replace(/\n[ \t]+/g, '\n'));
    compactedTemplates.set(strings, parts);
  }
  return parts;
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

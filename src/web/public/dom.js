// Tiny DOM helpers. Everything is built with createElement/textContent, never from HTML strings,
// so data from the server can never become markup.

let idCounter = 0;

/** A unique element id with a readable prefix (for label/aria wiring). */
export function uid(prefix = 'el') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Creates an element: h('a', { href: '/x', class: 'btn', onClick: fn }, 'text', child, [more]).
 * Attributes: `class`, `dataset` (object), `on<Event>` (listener), boolean `true` → empty attribute,
 * `false`/`null`/`undefined` → omitted, anything else → attribute string. Children: strings become
 * text nodes; arrays are flattened; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
    } else if (key === 'value' && 'value' in el) {
      el.value = String(value);
    } else if (key === 'checked' || key === 'selected') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (strings, nodes, nested arrays; null/false skipped). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof window.Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of an element. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

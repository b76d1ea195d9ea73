// Values written into SQL text as literals, for the one statement that carries them so: runNamed's
// `execute` (bound-sql.ts), which sends a prepared statement's values in the text of a simple query.
// Strings, numbers, booleans, null and arrays of them; the quoting is node-postgres's escapeLiteral.

import pg from 'pg';

/** The SQL literal of a value (`null` for null or undefined), for a prepared statement's parameter. */
export function sqlLiteral(value: unknown): string {
  return value === null || value === undefined ? 'null' : pg.escapeLiteral(literalText(value));
}

/**
 * PostgreSQL's input text of an array: every element double-quoted with a backslash before `"` and
 * `\`, NULL for null, inner arrays nested.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const element = (v: unknown): string =>
    v === null || v === undefined
      ? 'NULL'
      : Array.isArray(v)
        ? arrayLiteral(v)
        : `"${literalText(v).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return `{${values.map(element).join(',')}}`;
}

// The text PostgreSQL reads the value from. A NUL cannot be in a PostgreSQL text value, and in a
// simple query's text it would end the query there: refused, like any kind of value not listed.
function literalText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (value.includes('\0')) throw new TypeError('a text value with a NUL character cannot be sent');
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
      return String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (Array.isArray(value)) return arrayLiteral(value);
      throw new TypeError(`cannot be written as an SQL literal: ${Object.prototype.toString.call(value)}`);
  }
}

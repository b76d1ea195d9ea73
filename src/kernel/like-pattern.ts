/**
 * A LIKE/ILIKE pattern matching `text` anywhere, with `%`, `_` and the escape character itself
 * taken literally (backslash is PostgreSQL's default LIKE escape). Every "contains" filter built
 * from user text goes through here: unescaped, `q=%` or `q=_` matches every row.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

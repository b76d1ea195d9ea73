// CSV formula injection (OWASP "CSV Injection"): a spreadsheet program opening a CSV runs a cell
// that starts with = + - @ (or tab / carriage return, which some programs skip before looking) as a
// formula. Every CSV the service writes neutralises such text the way spreadsheet-safe exports do,
// with a leading apostrophe, and the CSV importer removes it again, so export → import is lossless.
//
// The rule, reversible for every text: let a value be k apostrophes (k ≥ 0) followed by the rest.
// - writing: when the rest starts with a trigger character, one more apostrophe is put in front;
//   otherwise the value is written as it is;
// - reading: when the cell is k ≥ 1 apostrophes followed by a trigger character, one apostrophe is
//   taken off; otherwise the cell is read as it is.
// So =1+2 is written '=1+2, a title that really is '=1+2 is written ''=1+2, and 'abc stays 'abc.
// Numbers are written as they are (a negative number is not a formula). XLSX files need none of
// this: their cells are typed, and text cells are never evaluated.

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

function triggerAfterApostrophes(text: string): boolean {
  let i = 0;
  while (text[i] === "'") i += 1;
  return i < text.length && TRIGGERS.has(text[i]!);
}

/** The text as written to a CSV cell: an apostrophe in front when a program could run it as a formula. */
export function toCsvCell(text: string): string {
  return triggerAfterApostrophes(text) ? `'${text}` : text;
}

/** The original text of a CSV cell written by toCsvCell (the reverse; other cells come back unchanged). */
export function fromCsvCell(cell: string): string {
  return cell.startsWith("'") && triggerAfterApostrophes(cell) ? cell.slice(1) : cell;
}

// CSV for spreadsheets (RFC 4180), safe to open (OWASP "CSV injection"):
// - a cell a spreadsheet would read as a formula (starting with = + - @, tab or carriage
//   return) gets a leading apostrophe, so a member named "=HYPERLINK(…)" stays text;
// - so does every such character that follows a ; or , inside a cell (spaces between
//   allowed): spreadsheets in locales whose list separator is ";" (de, fr, es, it, nl…)
//   split "x;=1+1;" into cells of their own, and the middle one would be a formula
//   (review N-L2);
// - every cell is quoted, so no separator inside one is ever read as the end of a cell by
//   a reader that honours quotes.

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([;,][ \u00a0]*)([=+\-@\t\r])/g;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string") {
    text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

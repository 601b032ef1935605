// English only: the staff CSV export and the use cases' English sentences (the JSON API's
// words). Pages count with the catalogue's ICU plurals instead (docs/i18n.md, the staff area).

/** "1 verified email", "2 verified emails": the number with the words that agree with it. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** The words alone, for where the number is styled apart. */
export function wordsFor(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "1 verified email", "2 verified emails": the number with the words that agree with it. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** The words alone, for where the number is styled apart. */
export function wordsFor(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

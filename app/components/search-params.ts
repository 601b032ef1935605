/** A page's `searchParams` as Next.js gives them: a name may come once, several times or not at all. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter (a hand-edited address may repeat it). */
export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

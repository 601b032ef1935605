import Link from "next/link";

/** Previous/next links that keep the list's filters (plain links: no JavaScript needed). */
export function Pagination(props: { path: string; query: Record<string, string | undefined>; page: number; pageCount: number; total: number; noun: string }) {
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(props.query)) if (v) params.set(k, v);
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `${props.path}?${qs}` : props.path;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      <span>
        Page {props.page} of {props.pageCount} ({props.total} {props.noun})
      </span>
      <span className="admin-nav">
        {props.page > 1 && <Link href={href(props.page - 1)}>← Previous page</Link>}
        {props.page < props.pageCount && <Link href={href(props.page + 1)}>Next page →</Link>}
      </span>
    </nav>
  );
}

type Search = Record<string, string | string[] | undefined>;

/** The first value of each named query parameter (pages get arrays for repeated keys). */
export function queryOf<K extends string>(params: Search, keys: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, Array.isArray(params[k]) ? params[k][0] : params[k]])) as Record<K, string | undefined>;
}

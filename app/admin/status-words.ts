/**
 * A stored status ("pending") as the reader's word for it: `keys` names each status's
 * catalogue key in the namespace `t` reads. A status without a key shows as stored.
 */
export function statusWords<K extends string>(t: (key: K) => string, keys: Readonly<Record<string, K>>): (status: string) => string {
  return (status) => (Object.hasOwn(keys, status) ? t(keys[status]) : status);
}

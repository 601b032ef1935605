// proxy.ts sets this request header to the requested path (and query) on every request,
// overwriting any a client sent; the auth guards use it for /login?next=….
export const PATHNAME_HEADER = "x-pathname";

// Apart from cross-site.ts so that proxy.ts can say it without importing the database layer.
export const CROSS_SITE_MESSAGE = "Cross-site requests are not allowed.";

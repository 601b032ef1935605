// Field lengths shared by schemas and forms. Plain constants: client components import
// this file without pulling in the schemas (and the password dictionary behind them).
export const USERNAME_MAX = 150;
export const EMAIL_MAX = 254;
export const BIO_MAX = 5000;
export const DISPLAY_NAME_MAX = 60;
export const NAME_MAX = 150;

import { defineConfig } from "prisma/config";

// Only `generate`, `validate` and `format` are used: migrations are plain SQL applied
// by `npm run db:migrate` (scripts/migrate.ts), see README "Database".
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://unused@localhost/unused" },
});

#!/bin/sh
echo "The Prisma schema engine is not installed in this project. Migrations are plain SQL: use 'npm run db:migrate'." >&2
exit 1

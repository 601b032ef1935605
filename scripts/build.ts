// `npm run build`: `next build` plus the stamp `npm start`/`start:prod` check, so that a
// deploy's build step is not repeated when the server starts.
import { build } from "./support/build";

try {
  build();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

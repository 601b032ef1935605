// Writes one log line through the app's logger (tests/server/log-format.test.ts runs it with and
// without a terminal).
import { logger } from "../../lib/log/logger";

logger.info({ event: "sample.logged", answer: 42 }, "a sample line");

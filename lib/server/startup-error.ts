/**
 * A start-up failure the operator can act on. Its message is one readable sentence,
 * printed as is on stderr (no stack) before the process exits with code 1.
 */
export class StartupError extends Error {}

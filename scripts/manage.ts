// `npm run manage -- <command>`: the operator's commands. Thin adapters over the same
// domain functions as the web (lib/users/*), with the same validation and messages.
import { parseArgs } from "node:util";
import { setCanInviteTeachers } from "../lib/admin/grant-invite";
import { resetTwoFactorByStaff } from "../lib/admin/reset-two-factor";
import { setUserActive } from "../lib/admin/set-active";
import { createDb, type Db } from "../lib/db/client";
import { migrationUrl } from "../lib/db/migrate";
import { importDjango } from "../lib/import-django/import";
import { formatReport, progressLine } from "../lib/import-django/report";
import { isDomainError } from "../lib/errors";
import { logger } from "../lib/log/logger";
import { createStaffUser } from "../lib/users/create-staff";
import { cliContext } from "../lib/use-case/cli-context";
import type { UseCaseContext } from "../lib/use-case/context";
import { findLatestUser, type UserRecord } from "../lib/users/find-user";
import { resolveUser } from "../lib/users/resolve-user";
import { openCliDatabase } from "./support/cli-database";

const EXIT = { ok: 0, refused: 1, usage: 2, fault: 3 } as const;

const HELP = `Usage: npm run manage -- <command> [arguments]

Commands:
  create-staff --username <u> --email <e> [--superuser] [--verified]
      Create a staff account (--verified: you vouch for the email address, so
      they can invite teachers at once). The password comes from ADMIN_PASSWORD when set,
      otherwise from a hidden prompt (asked twice). The sign-up rules apply.
  user <username|email|latest> [--json]
      Show a user: account fields, whether they have a profile, the role.
  set-active <username|email> true|false [--reason <text>]
      Allow (true) or stop (false) a user signing in. Deactivating also deletes
      their API token; their browser sessions stop working at once.
  grant-invite <username|email> true|false [--reason <text>]
      Let a user invite teachers (true) or stop them (false).
  reset-2fa <username|email> --reason <text>
      Turn off a user's two-factor authentication (any user, staff included) and
      end all their sessions; audited and emailed to them.
  import-django --from <database-url> [--dry-run] [--json]
      Import the old Django platform's users, profiles, preferences, guide
      applications, invitations and API tokens (read-only on the old database:
      mysql://user:password@host:port/db or postgres://…), repairing and reporting
      its defects. Safe to run again. See docs/django-import.md.

Options:
  -h, --help    This help; after a command, that command's help.

Database: DATABASE_URL when set; otherwise the embedded one in .data/ (the one
\`npm start\` is running, or started just for the command).
Exit codes: 0 done, 1 refused (not found, invalid input), 2 usage error, 3 unexpected fault.`;

const COMMAND_HELP: Record<string, string> = {
  "create-staff": "Usage: npm run manage -- create-staff --username <u> --email <e> [--superuser] [--verified]\n  --superuser: may also grant and remove staff access on /admin.\n  --verified: you vouch for the email address (otherwise they prove it by link).\n  Password: ADMIN_PASSWORD, or a hidden prompt.",
  user: "Usage: npm run manage -- user <username|email|latest> [--json]",
  "set-active": "Usage: npm run manage -- set-active <username|email> true|false [--reason <text>]\n  --reason: kept in the audit log (default: \"Operator console: set-active\").",
  "grant-invite": "Usage: npm run manage -- grant-invite <username|email> true|false [--reason <text>]\n  --reason: kept in the audit log (default: \"Operator console: grant-invite\").",
  "reset-2fa": "Usage: npm run manage -- reset-2fa <username|email> --reason <text>",
  "import-django":
    "Usage: npm run manage -- import-django --from <mysql://… or postgres://… URL> [--dry-run] [--json]\n  --dry-run  read and report, write nothing\n  --json     the report as one JSON object on stdout",
};

class UsageError extends Error {}

// Operator output goes to stdout; log lines only from warnings up unless LOG_LEVEL says otherwise.
const log = logger.child({ via: "cli" }, { level: process.env.LOG_LEVEL ?? "warn" });

type Options = Record<string, { type: "string" | "boolean" }>;

// Every staff change carries a reason (lib/admin): the operator's own, or the command's name.
function operatorReason(given: unknown, command: string): unknown {
  return given === undefined ? `Operator console: ${command}` : given;
}

async function operatorContext(db: () => Promise<Db>): Promise<UseCaseContext> {
  return cliContext(await db(), log);
}

function parse(args: string[], options: Options = {}) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function exactly(positionals: string[], n: number, command: string): string[] {
  if (positionals.length !== n) throw new UsageError(COMMAND_HELP[command]);
  return positionals;
}

async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new UsageError("No terminal to ask for the password in: set ADMIN_PASSWORD instead.");
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          process.stderr.write("\n");
          process.exit(130);
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function staffPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD !== undefined) return process.env.ADMIN_PASSWORD;
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Password (again): ");
  if (first !== second) throw new UsageError("The two passwords differ.");
  return first;
}

const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? "-" : v ? "yes" : "no");

function describeUser(u: UserRecord): string {
  const rows: [string, string][] = [
    ["id", String(u.id)],
    ["username", u.username],
    ["email", u.email ?? "(none)"],
    ["staff", yesNo(u.isStaff)],
    ["active", yesNo(u.isActive)],
    ["date joined", u.dateJoined.toISOString()],
    ["last login", u.lastLogin ? u.lastLogin.toISOString() : "never"],
    ["has profile", yesNo(u.role !== null)],
    ["role", u.role ?? "-"],
    ["display name", u.displayName ?? ""],
    ["active guide", yesNo(u.activeGuide)],
    ["can invite teachers", yesNo(u.canInviteTeachers)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 1;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`).join("\n");
}

const commands: Record<string, (args: string[], db: () => Promise<Db>, dbUrl: () => Promise<string>) => Promise<void>> = {
  async "create-staff"(args, db) {
    const { values, positionals } = parse(args, { username: { type: "string" }, email: { type: "string" }, superuser: { type: "boolean" }, verified: { type: "boolean" } });
    exactly(positionals, 0, "create-staff");
    if (typeof values.username !== "string" || typeof values.email !== "string") throw new UsageError(COMMAND_HELP["create-staff"]);
    const password = await staffPassword();
    const user = await createStaffUser(
      { username: values.username, email: values.email, password, superuser: values.superuser === true, verified: values.verified === true },
      cliContext(await db(), log),
    );
    console.log(`Created ${values.superuser ? "superuser" : "staff user"} ${user.username} (id ${user.id})${values.verified ? ", email address verified" : ""}.`);
  },

  async user(args, db) {
    const { values, positionals } = parse(args, { json: { type: "boolean" } });
    const [ref] = exactly(positionals, 1, "user");
    const user = ref === "latest" ? await findLatestUser(await db()) : await resolveUser(await db(), ref);
    if (!user) {
      console.error("There are no users yet.");
      process.exitCode = EXIT.refused;
      return;
    }
    const { passwordHash: _secret, ...shown } = user;
    console.log(values.json ? JSON.stringify({ ...shown, hasProfile: user.role !== null }, null, 2) : describeUser(user));
  },

  async "set-active"(args, db) {
    const { values, positionals } = parse(args, { reason: { type: "string" } });
    const [ref, active] = exactly(positionals, 2, "set-active");
    const user = await resolveUser(await db(), ref);
    const result = await setUserActive({ userId: user.id, active, reason: operatorReason(values.reason, "set-active") }, await operatorContext(db));
    console.log(`${user.username} is now ${result.isActive ? "active" : "inactive"}.`);
  },

  async "reset-2fa"(args, db) {
    const { values, positionals } = parse(args, { reason: { type: "string" } });
    const [ref] = exactly(positionals, 1, "reset-2fa");
    if (typeof values.reason !== "string") throw new UsageError(COMMAND_HELP["reset-2fa"]);
    const user = await resolveUser(await db(), ref);
    const result = await resetTwoFactorByStaff({ userId: user.id, reason: values.reason }, await operatorContext(db));
    console.log(
      result.hadSecondFactor
        ? `${user.username}'s two-factor authentication is off; ${result.revoked} session(s) and token(s) ended.`
        : `${user.username} had no second factor; ${result.revoked} session(s) and token(s) ended.`,
    );
  },

  async "import-django"(args, _db, dbUrl) {
    const { values, positionals } = parse(args, { from: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } });
    exactly(positionals, 0, "import-django");
    if (typeof values.from !== "string" || values.from === "") throw new UsageError(COMMAND_HELP["import-django"]);
    // Progress only for a person watching; never mixed into --json's stdout.
    const tty = process.stderr.isTTY;
    const report = await importDjango({
      from: values.from,
      // It holds a session-level lock for the whole run: never through a transaction pooler.
      targetUrl: migrationUrl(await dbUrl()),
      dryRun: values["dry-run"] === true,
      log,
      progress: tty ? (table, done, total) => process.stderr.write(`\r${progressLine(table, done, total)}${done === total ? "\n" : ""}`) : undefined,
    });
    console.log(values.json ? JSON.stringify(report) : formatReport(report));
  },

  async "grant-invite"(args, db) {
    const { values, positionals } = parse(args, { reason: { type: "string" } });
    const [ref, allowed] = exactly(positionals, 2, "grant-invite");
    const user = await resolveUser(await db(), ref);
    const result = await setCanInviteTeachers({ userId: user.id, canInviteTeachers: allowed, reason: operatorReason(values.reason, "grant-invite") }, await operatorContext(db));
    console.log(`${user.username} ${result.canInviteTeachers ? "can now" : "can no longer"} invite teachers.`);
  },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    console.log(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(COMMAND_HELP[command]);
    return EXIT.ok;
  }

  let opened: Awaited<ReturnType<typeof openCliDatabase>> | undefined;
  let client: Db | undefined;
  const dbUrl = async () => {
    opened ??= await openCliDatabase((m) => console.error(`[manage] ${m}`));
    return opened.url;
  };
  const db = async () => {
    client ??= createDb(await dbUrl());
    return client;
  };
  try {
    await run(rest, db, dbUrl);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return EXIT.usage;
    }
    if (isDomainError(err)) {
      console.error(err.message);
      return EXIT.refused;
    }
    console.error(`Unexpected error: ${(err as Error).message}`);
    return EXIT.fault;
  } finally {
    await client?.$disconnect();
    await opened?.close();
  }
}

process.exit(await main(process.argv.slice(2)));

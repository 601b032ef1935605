import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATHS_CONF, renderLocations } from "../../deploy/cutover/generate";
import { ACCOUNT_PATHS, ACCOUNTS_HOST, LIVE_HOSTS, STAYS_ON_DJANGO } from "../../deploy/cutover/paths";
import { freePort } from "../../lib/db/embedded";
import { TOKEN_PAGE_PREFIXES } from "../../lib/http/security-headers";
import { baseUrl } from "../support/helpers";
import { waitFor } from "../support/wait";

// The cut-over topology (deploy/cutover/) as nginx itself runs it: the live domain's site
// file with the generated account locations, in front of stand-ins for Django and the
// live frontend and of this app's test server (behind a recording pass-through, so each
// answer says who gave it). Every path of the table must reach this app on both live
// names, the paths that stay must reach Django or the frontend, and this app's own name
// must reach this app for everything. nginx is installed by .ci/run.

const SITE = path.resolve("deploy/cutover/nginx/zportaacademy.conf");
const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find((c) => existsSync(c));

type Upstream = "accounts" | "django" | "frontend";

/** An HTTP server answering `{upstream, path, host, bytes}`; "accounts" also forwards to the real app. */
function standIn(name: Upstream, forwardTo?: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on("data", (c: Buffer) => (bytes += c.length));
    req.on("end", async () => {
      if (forwardTo && req.url?.startsWith("/api/users/login")) {
        // The real app answers one account call end to end through nginx.
        const real = await fetch(`${forwardTo}${req.url}`, { method: req.method, headers: { "content-type": "application/json" }, body: req.method === "POST" ? "{}" : undefined });
        res.writeHead(real.status, { "content-type": "application/json", "x-upstream": name });
        res.end(await real.text());
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "x-upstream": name });
      res.end(JSON.stringify({ upstream: name, path: req.url, host: req.headers.host, bytes }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe("deploy/cutover/nginx/zporta-accounts-paths.conf", () => {
  it("is what deploy/cutover/generate.ts writes from the table (edit paths.ts, then run the generator)", () => {
    expect(readFileSync(PATHS_CONF, "utf8")).toBe(renderLocations());
  });

  it("the live site's log keeps out the same token pages the app protects, and the frontend's /login?token=", () => {
    const site = readFileSync(SITE, "utf8");
    const map = /map \$request_uri \$zporta_logged_uri \{[\s\S]*?\n\}/.exec(site)![0];
    for (const prefix of [...TOKEN_PAGE_PREFIXES, "/api/users/invitations/accept", "/api/users/magic-link-login/", "/login\\?token="]) expect(map, prefix).toContain(prefix.slice(1));
    expect(site).not.toMatch(/log_format[^;]*\$request\b/);
  });

  it("routes none of the paths that stay on Django (no `tree` swallows them)", async () => {
    const { locationRegex } = await import("../../deploy/cutover/paths");
    for (const p of STAYS_ON_DJANGO) {
      for (const row of ACCOUNT_PATHS) expect(new RegExp(locationRegex(row)).test(p.split("?")[0]), `${row.path} catches ${p}`).toBe(false);
    }
  });
});

describe("the cut-over site under nginx", () => {
  let dir: string;
  let port: number;
  let nginx: ChildProcess;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // Never skipped: without nginx this file fails, saying what to install.
    if (!NGINX) throw new Error("nginx is not installed: apt-get install nginx (.ci/run installs it) to run the cut-over topology test.");
    dir = mkdtempSync(path.join(tmpdir(), "zporta-cutover-"));
    for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub), { mode: 0o777 });
    const accounts = await standIn("accounts", baseUrl());
    const django = await standIn("django");
    const frontend = await standIn("frontend");
    closers.push(accounts.close, django.close, frontend.close);
    port = await freePort();

    let site = readFileSync(SITE, "utf8");
    const replace = (pattern: RegExp, by: string) => {
      expect(site, `site file matches ${pattern}`).toMatch(pattern);
      site = site.replace(pattern, by);
    };
    // TLS is not what is tested here: the same server blocks, over plain HTTP on one port.
    replace(/^ *listen 80 default_server;\n *listen 443 ssl default_server;\n/m, `    listen 127.0.0.1:${port} default_server;\n`);
    replace(/^ *ssl_reject_handshake on;\n/m, "");
    replace(/^ *listen 80;\n/m, `    listen 127.0.0.1:${port + 0};\n`);
    replace(/^ *listen 443 ssl http2;\n/gm, `    listen 127.0.0.1:${port};\n`);
    replace(/^ *ssl_[a-z_]+ .*;\n/gm, "");
    replace(/server 127\.0\.0\.1:3000 /, `server 127.0.0.1:${accounts.port} `);
    replace(/server 127\.0\.0\.1:8000;/, `server 127.0.0.1:${django.port};`);
    replace(/server 127\.0\.0\.1:3001;/, `server 127.0.0.1:${frontend.port};`);
    replace(/include \/etc\/nginx\/zporta-accounts-paths\.conf;/, `include ${PATHS_CONF};`);
    replace(/\/var\/log\/nginx\/[a-z-]+\.(access|error)\.log/g, path.join(dir, "site.log"));
    // The port-80 server's redirect would shadow the HTTPS blocks on a single port: drop it.
    site = site.replace(/# Plain HTTP: the ACME challenge[\s\S]*?\n}\n/, "");
    writeFileSync(path.join(dir, "site.conf"), site);
    const conf = path.join(dir, "nginx.conf");
    writeFileSync(
      conf,
      `daemon off;
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 64; }
http {
  default_type application/octet-stream;
  client_body_temp_path ${path.join(dir, "client_body")};
  proxy_temp_path ${path.join(dir, "proxy")};
  fastcgi_temp_path ${path.join(dir, "fastcgi")};
  uwsgi_temp_path ${path.join(dir, "uwsgi")};
  scgi_temp_path ${path.join(dir, "scgi")};
  include ${path.join(dir, "site.conf")};
}
`,
    );
    const args = ["-e", path.join(dir, "error.log"), "-p", dir, "-c", conf];
    const check = spawnSync(NGINX!, ["-t", ...args], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`nginx -t refused the cut-over site: ${check.stderr}`);
    nginx = spawn(NGINX!, args, { stdio: "ignore" });
    await waitFor(
      "nginx to listen",
      () =>
        new Promise<boolean>((resolve) => {
          if (nginx.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(path.join(dir, "error.log"), "utf8")}`);
          const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
          socket.on("error", () => resolve(false));
        }),
      15_000,
    );
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once("exit", r));
      nginx.kill("SIGQUIT");
      await exited;
    }
    for (const close of closers) await close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Where `urlPath` on `host` went: the stand-in's name (or "closed" when nginx answered nothing). */
  async function route(host: string, urlPath: string, method = "GET", body?: Buffer): Promise<{ upstream: Upstream | "closed" | "nginx"; status: number; json?: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: urlPath, method, headers: { host, ...(body ? { "content-type": "application/octet-stream", "content-length": body.length } : {}) } }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          const upstream = (res.headers["x-upstream"] as Upstream | undefined) ?? "nginx";
          resolve({ upstream, status: res.statusCode!, json });
        });
      });
      req.on("error", (err: NodeJS.ErrnoException) => (err.code === "ECONNRESET" || err.message.includes("socket hang up") ? resolve({ upstream: "closed", status: 0 }) : reject(err)));
      req.end(body);
    });
  }

  it("sends every path of the table to this app, on both live names, with and without the trailing slash", async () => {
    for (const host of LIVE_HOSTS) {
      for (const p of ACCOUNT_PATHS) {
        const samples = [`/api/users/${p.path}/`, `/api/users/${p.path}`];
        if (p.match === "tree") samples.push(`/api/users/${p.path}/12/cancel/`, `/api/users/${p.path}/x/y/?q=1`);
        for (const s of samples) {
          const r = await route(host, s, "OPTIONS");
          expect({ host, path: s, upstream: r.upstream }).toEqual({ host, path: s, upstream: "accounts" });
        }
      }
    }
  });

  it("keeps the other users paths, and every other API path, on Django", async () => {
    const stay = [...STAYS_ON_DJANGO, "/api/courses/", "/api/quizzes/12/attempt/", "/api/users/", "/api/users/loginx/", "/api/users/profiles/", "/api/users/registered/", "/api/analytics/x/"];
    for (const host of LIVE_HOSTS) {
      for (const p of stay) expect({ path: p, upstream: (await route(host, p)).upstream }).toEqual({ path: p, upstream: "django" });
    }
  });

  it("leaves the live frontend its pages, /, /login and /admin included", async () => {
    for (const p of ["/", "/login", "/login?token=abc", "/admin", "/admin/courses/new", "/register?token=x", "/guide/alice", "/reset-password-confirm/MQ/abc", "/profile"]) {
      expect({ path: p, upstream: (await route("www.zportaacademy.com", p)).upstream }).toEqual({ path: p, upstream: "frontend" });
    }
  });

  it("serves everything on this app's own name from this app (its pages, email links, media)", async () => {
    for (const p of ["/", "/login", "/admin", "/account", "/accept-invitation?token=x", "/magic-login/MQ/abc/", "/reset-password-confirm/MQ/abc", "/media/profile_images/a.png", "/api/users/login/", "/api/users/score/"]) {
      expect({ path: p, upstream: (await route(ACCOUNTS_HOST, p)).upstream }).toEqual({ path: p, upstream: "accounts" });
    }
  });

  it("answers an unknown name with nothing", async () => {
    expect((await route("evil.example", "/api/users/login/")).upstream).toBe("closed");
  });

  it("the real app answers an account call through nginx (its own 400 sentence)", async () => {
    const r = await route("www.zportaacademy.com", "/api/users/login/", "POST");
    expect(r.upstream).toBe("accounts");
    expect(r.status).toBe(400);
    expect(r.json).toHaveProperty("error");
  });

  it("bodies: 64 KiB for account calls (413 JSON from nginx), 21 MB for profile uploads", async () => {
    const big = Buffer.alloc(100 * 1024, 1);
    const refused = await route("zportaacademy.com", "/api/users/register/", "POST", big);
    expect(refused).toMatchObject({ upstream: "nginx", status: 413 });
    expect(refused.json).toEqual({ error: "The request body must be at most 64 KiB." });
    const upload = await route("zportaacademy.com", "/api/users/profile/", "PUT", Buffer.alloc(3 * 1024 * 1024, 1));
    expect(upload).toMatchObject({ upstream: "accounts", status: 200 });
    expect(upload.json!.bytes).toBe(3 * 1024 * 1024);
  });
});

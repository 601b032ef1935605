import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../lib/db/embedded";
import { TOKEN_PAGE_PREFIXES } from "../../lib/http/security-headers";
import { baseUrl } from "../support/helpers";
import { waitFor } from "../support/wait";

// The deploy site file (deploy/nginx/zporta-accounts.conf) as nginx itself reads it: with
// throwaway self-signed certificates and local ports in place of the real ones, `nginx -t`
// must accept it, and then the running nginx in front of the test server must redirect,
// refuse unknown names, add HSTS without doubling the app's headers, and keep tokens out
// of its access log. It needs an nginx binary and openssl; without them this file is
// skipped, saying so in its title (CI runs it only if .ci/run installs nginx).

const SITE = path.resolve("deploy/nginx/zporta-accounts.conf");
const HOST = "accounts.example.org";

function findBinary(name: string, candidates: string[]): string | undefined {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  return [process.env[name.toUpperCase()], onPath, ...candidates].find((c): c is string => !!c && existsSync(c));
}
const NGINX = findBinary("nginx", ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"]);
const OPENSSL = findBinary("openssl", ["/usr/bin/openssl"]);

describe("the deploy site file, read without nginx", () => {
  const site = readFileSync(SITE, "utf8");

  it("keeps out of the access log the same token pages the app protects", () => {
    const map = /map \$request_uri \$zporta_logged_uri \{[\s\S]*?\n\}/.exec(site)![0];
    for (const prefix of [...TOKEN_PAGE_PREFIXES, "/api/users/invitations/accept", "/api/users/magic-link-login/"]) expect(map, prefix).toContain(prefix.slice(1));
    const format = /log_format zporta_accounts[\s\S]*?;\n/.exec(site)![0];
    expect(format).not.toMatch(/\$request\b|\$request_uri|\$args|\$query_string/);
  });
});

describe.skipIf(!NGINX || !OPENSSL)(`the deploy site under nginx (${NGINX ?? "nginx not installed: skipped"})`, () => {
  let dir: string;
  let nginx: ChildProcess | undefined;
  let httpPort: number;
  let httpsPort: number;
  let nginxArgs: string[];

  /** The site with local ports, the test server as upstream and this run's files. */
  function renderSite(): string {
    let site = readFileSync(SITE, "utf8");
    const replace = (pattern: RegExp, by: string) => {
      expect(site, `site file matches ${pattern}`).toMatch(pattern);
      site = site.replace(pattern, by);
    };
    const appPort = new URL(baseUrl()).port;
    replace(/^ *listen \[::\]:.*\n/gm, ""); // the test machine may have no IPv6
    replace(/listen 80 default_server;/, `listen 127.0.0.1:${httpPort} default_server;`);
    replace(/listen 443 ssl default_server;/, `listen 127.0.0.1:${httpsPort} ssl default_server;`);
    replace(/listen 80;/, `listen 127.0.0.1:${httpPort};`);
    replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${httpsPort} ssl http2;`);
    replace(/\/etc\/letsencrypt\/live\/accounts\.example\.org\/fullchain\.pem/, path.join(dir, "cert.pem"));
    replace(/\/etc\/letsencrypt\/live\/accounts\.example\.org\/privkey\.pem/, path.join(dir, "key.pem"));
    replace(/root \/var\/www\/letsencrypt;/, `root ${path.join(dir, "acme")};`);
    replace(/server 127\.0\.0\.1:3000 /, `server 127.0.0.1:${appPort} `);
    replace(/\/var\/log\/nginx\/zporta-accounts\.access\.log/g, path.join(dir, "access.log"));
    replace(/\/var\/log\/nginx\/zporta-accounts\.error\.log/, path.join(dir, "error.log"));
    replace(/root \/srv\/zporta\/current\/deploy\/nginx;/, `root ${path.resolve("deploy/nginx")};`);
    return site;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "zporta-nginx-"));
    for (const sub of ["acme", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub), { mode: 0o777 });
    const cert = spawnSync(
      OPENSSL!,
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${HOST}`, "-days", "1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
      { encoding: "utf8" },
    );
    if (cert.status !== 0) throw new Error(`openssl failed: ${cert.stderr}`);
    httpPort = await freePort();
    httpsPort = await freePort();
    writeFileSync(path.join(dir, "site.conf"), renderSite());
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
    nginxArgs = ["-e", path.join(dir, "error.log"), "-p", dir, "-c", conf];
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once("exit", r));
      nginx.kill("SIGQUIT");
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("nginx -t accepts the site (TLS server, redirect, default server)", () => {
    const check = spawnSync(NGINX!, ["-t", ...nginxArgs], { encoding: "utf8" });
    expect(check.stderr).toContain("test is successful");
    expect(check.status).toBe(0);
  });

  describe("running", () => {
    beforeAll(async () => {
      nginx = spawn(NGINX!, nginxArgs, { stdio: ["ignore", "ignore", "pipe"] });
      await waitFor(
        "nginx to listen",
        () =>
          new Promise<boolean>((resolve) => {
            if (nginx!.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(path.join(dir, "error.log"), "utf8")}`);
            const socket = net.connect(httpsPort, "127.0.0.1", () => (socket.destroy(), resolve(true)));
            socket.on("error", () => resolve(false));
          }),
        15_000,
      );
    });

    /** One request over HTTPS, certificate unchecked (self-signed), with the SNI and Host given. */
    const tlsGet = (urlPath: string, servername = HOST) =>
      new Promise<{ status: number; headers: Record<string, string[]>; body: string }>((resolve, reject) => {
        const req = https.get(
          { host: "127.0.0.1", port: httpsPort, path: urlPath, servername, headers: { host: servername }, rejectUnauthorized: false },
          (res) => {
            const headers: Record<string, string[]> = {};
            for (let i = 0; i < res.rawHeaders.length; i += 2) (headers[res.rawHeaders[i].toLowerCase()] ??= []).push(res.rawHeaders[i + 1]);
            let body = "";
            res.on("data", (c) => (body += c));
            res.on("end", () => resolve({ status: res.statusCode!, headers, body }));
          },
        );
        req.on("error", reject);
      });

    /** A raw HTTP/1.1 request on port 80: what came back (empty when nginx closed without answering). */
    const plainGet = (urlPath: string, host: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(httpPort, "127.0.0.1", () => socket.write(`GET ${urlPath} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
        let answer = "";
        socket.on("data", (c) => (answer += c));
        socket.on("end", () => resolve(answer));
        socket.on("error", (err: NodeJS.ErrnoException) => (err.code === "ECONNRESET" ? resolve(answer) : reject(err)));
      });

    it("port 80 redirects the site's name to HTTPS, except the ACME challenge", async () => {
      const answer = await plainGet("/login?next=%2Faccount", HOST);
      expect(answer).toMatch(/^HTTP\/1\.1 301/);
      expect(answer).toContain(`Location: https://${HOST}/login?next=%2Faccount\r\n`);
      mkdirSync(path.join(dir, "acme", ".well-known", "acme-challenge"), { recursive: true, mode: 0o777 });
      writeFileSync(path.join(dir, "acme", ".well-known", "acme-challenge", "probe"), "acme-ok");
      const acme = await plainGet("/.well-known/acme-challenge/probe", HOST);
      expect(acme).toMatch(/^HTTP\/1\.1 200/);
      expect(acme).toContain("acme-ok");
    });

    it("an unknown Host name gets no answer at all (444), over HTTP and HTTPS", async () => {
      expect(await plainGet("/login", "anything.invalid")).toBe("");
      await expect(tlsGet("/login", "anything.invalid")).rejects.toThrow();
    });

    it("HTTPS: the app's page, with HSTS added once and the app's headers not doubled", async () => {
      const res = await tlsGet("/login");
      expect(res.status).toBe(200);
      expect(res.body).toContain("Sign in");
      expect(res.headers["strict-transport-security"]).toEqual(["max-age=63072000; includeSubDomains"]);
      expect(res.headers["x-content-type-options"]).toEqual(["nosniff"]);
      expect(res.headers["x-frame-options"]).toEqual(["DENY"]);
      expect(res.headers["content-security-policy"]).toHaveLength(1);
      expect(res.headers["content-security-policy"][0]).toContain("frame-ancestors 'none'");
      expect(res.headers["referrer-policy"]).toEqual(["strict-origin-when-cross-origin"]);
      const token = await tlsGet(`/accept-invitation?token=${"B".repeat(43)}`);
      expect(token.headers["referrer-policy"]).toEqual(["no-referrer"]);
    });

    it("readiness answers loopback callers", async () => {
      const res = await tlsGet("/api/health/ready");
      expect([200, 503]).toContain(res.status);
      expect(res.body).toContain('"status"');
    });

    it("nginx's own answers carry the headers too (413 JSON)", async () => {
      // Only the headers are sent: nginx refuses on the announced length, before any body.
      const res = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
        const req = https.request(
          {
            host: "127.0.0.1",
            port: httpsPort,
            path: "/api/users/register/",
            method: "POST",
            servername: HOST,
            headers: { host: HOST, "content-type": "application/json", "content-length": 70_000 },
            rejectUnauthorized: false,
          },
          (r) => {
            resolve({ status: r.statusCode!, headers: r.headers });
            req.destroy();
          },
        );
        req.on("error", reject); // after resolve() this is a no-op
        req.flushHeaders();
      });
      expect(res.status).toBe(413);
      expect(res.headers["strict-transport-security"]).toContain("max-age=63072000");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    });

    it("the access log never holds a token-bearing query string", async () => {
      const secrets = ["S3cretQueryTokenAAAAAAAAAAAAAAAAAAAAAAAAAAA", "S3cretApiTokenBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "S3cretPathTokenCCCCCCCCCCCCCCC"];
      await tlsGet(`/accept-invitation?token=${secrets[0]}`);
      await tlsGet(`/api/users/invitations/accept/?token=${secrets[1]}`);
      await tlsGet(`/reset-password-confirm/MQ/${secrets[2]}/`);
      await tlsGet("/login?next=%2Fadmin");
      const log = await waitFor("the four requests in the access log", () => {
        const text = readFileSync(path.join(dir, "access.log"), "utf8");
        return text.includes("/login?next=%2Fadmin") && text;
      });
      for (const secret of secrets) expect(log).not.toContain(secret);
      expect(log).toContain('"GET /accept-invitation[redacted] HTTP/1.1"');
      expect(log).toContain('"GET /api/users/invitations/accept[redacted] HTTP/1.1"');
      expect(log).toContain('"GET /reset-password-confirm/[redacted] HTTP/1.1"');
    });
  });
});

// One OS process of a sign-up storm: waits for the agreed start time, fires its
// share of requests at once, prints [{status, body, retryAfter?}] as JSON. Plain Node, no deps.
const { baseUrl, startAt, requests } = JSON.parse(process.argv[2]);
const wait = startAt - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));
const results = await Promise.all(
  requests.map(async ({ path, method, body, multipart, headers, baseUrl: own }) => {
    try {
      let init;
      if (multipart) {
        const form = new FormData();
        for (const [k, v] of Object.entries(multipart)) {
          form.append(k, typeof v === "string" ? v : new Blob([Buffer.from(v.base64, "base64")], { type: v.type }), typeof v === "string" ? undefined : v.name);
        }
        init = { headers: { ...headers }, body: form };
      } else {
        init = { headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
      }
      const res = await fetch((own ?? baseUrl) + path, { method: method ?? "POST", ...init });
      const retryAfter = res.headers.get("retry-after");
      return { status: res.status, body: await res.text(), ...(retryAfter ? { retryAfter } : {}) };
    } catch (err) {
      return { status: 0, body: String(err) };
    }
  }),
);
process.stdout.write(JSON.stringify(results));

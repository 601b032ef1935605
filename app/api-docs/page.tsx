import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { apiDocument } from "../api/openapi.json/operations";
import styles from "./api-docs.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

// The old users API, read from the same document /api/openapi.json serves: public, as
// the contract is (external clients build on it). Plain HTML: <details> opens the
// schemas without JavaScript; long lines scroll inside their box at 320px. Only the page's
// own words are translated: the operations' summaries and descriptions are the contract's
// (the same English /api/openapi.json serves).

type Json = Record<string, unknown>;
interface Media { schema?: { $ref?: string }; example?: unknown }
interface Reply { description: string; content?: Record<string, Media>; headers?: Record<string, { description: string }> }
interface Op {
  operationId: string;
  summary: string;
  description: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, Reply>;
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

type T = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;

const KINDS = { "application/json": "kindJson", "application/x-www-form-urlencoded": "kindForm", "multipart/form-data": "kindMultipart" } as const;
const bodyKinds = (op: Op, t: T) =>
  Object.keys(op.requestBody?.content ?? {})
    .map((k) => (k in KINDS ? t(KINDS[k as keyof typeof KINDS]) : k))
    .join(", ");

function Schema({ media, schemas, t }: { media: Media; schemas: Record<string, Json>; t: T }) {
  const id = media.schema?.$ref?.split("/").pop();
  if (!id || !schemas[id]) return null;
  return (
    <details className={styles.schema}>
      <summary>{t("schema", { id })}</summary>
      <pre className={styles.code}>{pretty(schemas[id])}</pre>
    </details>
  );
}

export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const doc = apiDocument() as { info: { title: string; description: string }; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Json> } };
  const schemas = doc.components.schemas;
  const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return (
    <>
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        {t.rich("sameAsData", { link: (path) => <a href="/api/openapi.json">{path}</a> })}
      </p>
      <nav aria-label={t("operations")}>
        <ul className={styles.toc}>
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`}>
                <code>{method}</code> <code>{path}</code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content["application/json"];
        return (
          <section key={op.operationId} id={op.operationId} className={styles.operation} aria-labelledby={`${op.operationId}-title`}>
            <h2 id={`${op.operationId}-title`}>
              <span className={styles.method}>{method}</span> <code>{path}</code>
            </h2>
            <p>{op.summary}</p>
            <p>{op.description}</p>
            {op.parameters?.length ? (
              <>
                <h3>{t("parameters")}</h3>
                <ul>
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.required ? t("inRequired", { where: p.in }) : p.in})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {body ? (
              <>
                <h3>{t("requestBody")}</h3>
                <p>{t("bodyKinds", { kinds: bodyKinds(op, t) })}</p>
                {body.example !== undefined ? <pre className={styles.code}>{pretty(body.example)}</pre> : null}
                <Schema media={body} schemas={schemas} t={t} />
              </>
            ) : null}
            <h3>{t("responses")}</h3>
            <ul className={styles.replies}>
              {Object.entries(op.responses).map(([status, reply]) => {
                const media = reply.content?.["application/json"];
                return (
                  <li key={status}>
                    <span className={styles.status}>{status}</span> {reply.description}
                    {reply.headers ? ` ${t("headers", { names: Object.keys(reply.headers).join(", ") })}` : ""}
                    {media?.example !== undefined ? <pre className={styles.code}>{pretty(media.example)}</pre> : null}
                    {media ? <Schema media={media} schemas={schemas} t={t} /> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

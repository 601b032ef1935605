import type { Metadata } from "next";
import { apiDocument } from "../api/openapi.json/operations";
import styles from "./api-docs.module.css";

export const metadata: Metadata = { title: "API reference" };

// The old users API, read from the same document /api/openapi.json serves: public, as
// the contract is (external clients build on it). Plain HTML: <details> opens the
// schemas without JavaScript; long lines scroll inside their box at 320px.

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

const KINDS: Record<string, string> = { "application/json": "JSON", "application/x-www-form-urlencoded": "form-encoded", "multipart/form-data": "multipart (file uploads)" };
const bodyKinds = (op: Op) => Object.keys(op.requestBody?.content ?? {}).map((k) => KINDS[k] ?? k).join(", ");

function Schema({ media, schemas }: { media: Media; schemas: Record<string, Json> }) {
  const id = media.schema?.$ref?.split("/").pop();
  if (!id || !schemas[id]) return null;
  return (
    <details className={styles.schema}>
      <summary>Schema {id}</summary>
      <pre className={styles.code}>{pretty(schemas[id])}</pre>
    </details>
  );
}

export default function ApiDocsPage() {
  const doc = apiDocument() as { info: { title: string; description: string }; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Json> } };
  const schemas = doc.components.schemas;
  const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return (
    <>
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        The same as data: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Operations">
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
                <h3>Parameters</h3>
                <ul>
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ", required" : ""})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {body ? (
              <>
                <h3>Request body</h3>
                <p>{bodyKinds(op)}.</p>
                {body.example !== undefined ? <pre className={styles.code}>{pretty(body.example)}</pre> : null}
                <Schema media={body} schemas={schemas} />
              </>
            ) : null}
            <h3>Responses</h3>
            <ul className={styles.replies}>
              {Object.entries(op.responses).map(([status, reply]) => {
                const media = reply.content?.["application/json"];
                return (
                  <li key={status}>
                    <span className={styles.status}>{status}</span> {reply.description}
                    {reply.headers ? ` Headers: ${Object.keys(reply.headers).join(", ")}.` : ""}
                    {media?.example !== undefined ? <pre className={styles.code}>{pretty(media.example)}</pre> : null}
                    {media ? <Schema media={media} schemas={schemas} /> : null}
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

import { z } from "zod";
import type { Operation } from "./contract";

// Builds the OpenAPI 3.1 document from the routes' contracts with zod's own
// z.toJSONSchema (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). Every body schema
// becomes a component; shapes with an id (`.meta({ id })`, e.g. DetailBody) are shared.

type Json = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

/** "POST /api/users/invitations/{id}/cancel/" -> "postUsersInvitationsIdCancel". */
export function operationId(op: Operation): string {
  const words = op.path.split(/[^A-Za-z0-9]+/).filter((w) => w && w !== "api");
  return op.method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

/** Collects schemas and converts them in one pass, so shared ones become one component each. */
class Components {
  private readonly registry = z.registry<{ id: string }>();
  private readonly ids = new Map<z.ZodType, string>();

  constructor(private readonly io: "input" | "output") {}

  ref(schema: z.ZodType, fallbackId: string): Json {
    let id = this.ids.get(schema);
    if (!id) {
      const meta = z.globalRegistry.get(schema) as { id?: string } | undefined;
      id = meta?.id ?? fallbackId;
      this.ids.set(schema, id);
      this.registry.add(schema, { id });
    }
    return { $ref: REF(id) };
  }

  schemas(): Record<string, Json> {
    const out = z.toJSONSchema(this.registry, {
      target: "draft-2020-12",
      io: this.io,
      // Transforms and refinements are rules of the use case; the wire type is their input.
      unrepresentable: "any",
      uri: REF,
    }) as { schemas: Record<string, Json> };
    // Shapes with a global id met only inside others land in a "__shared" bag of $defs:
    // they become components of their own, like the rest.
    const { __shared: shared, ...schemas } = out.schemas;
    Object.assign(schemas, (shared?.$defs as Record<string, Json> | undefined) ?? {});
    const text = JSON.stringify(schemas).replaceAll(`${REF("__shared")}#/$defs/`, REF(""));
    const flat = JSON.parse(text) as Record<string, Json>;
    for (const schema of Object.values(flat)) {
      delete schema.$schema;
      delete schema.$id;
    }
    return flat;
  }
}

const ACCESS_TEXT = {
  anyone: "No credentials needed.",
  member: "A signed-in member: `Authorization: Token <key>`, or the session cookie on a same-site request.",
  staff: "Staff only: `Authorization: Token <key>`, or the session cookie on a same-site request.",
} as const;

export function openApiDocument(operations: Operation[], info: { title: string; version: string; description?: string }): Json {
  const requests = new Components("input");
  const replies = new Components("output");
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    const id = operationId(op);
    const parameters: Json[] = [];
    for (const name of op.path.match(/\{(\w+)\}/g) ?? []) {
      parameters.push({ name: name.slice(1, -1), in: "path", required: true, schema: { type: "string" } });
    }
    if (op.request?.query) {
      const query = z.toJSONSchema(op.request.query, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Json;
      const required = new Set((query.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries((query.properties as Record<string, Json>) ?? {})) {
        parameters.push({ name, in: "query", required: required.has(name), schema });
      }
    }
    const operation: Json = {
      operationId: id,
      summary: op.summary,
      description: ACCESS_TEXT[op.access],
      "x-access": op.access,
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, spec]) => {
          const reply: Json = { description: spec.description };
          if (spec.headers) reply.headers = Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]));
          if (spec.body) {
            const media: Json = { schema: replies.ref(spec.body, `${id}${status}`) };
            if (spec.example !== undefined) media.example = spec.example;
            reply.content = { "application/json": media };
          }
          return [status, reply];
        }),
      ),
    };
    if (parameters.length) operation.parameters = parameters;
    if (op.request?.body) {
      const media: Json = { schema: requests.ref(op.request.body, `${id}Request`) };
      if (op.request.example !== undefined) media.example = op.request.example;
      const content: Json = { "application/json": media };
      if (op.request.form) content["application/x-www-form-urlencoded"] = { schema: media.schema };
      if (op.request.multipart) content["multipart/form-data"] = { schema: media.schema };
      operation.requestBody = { required: true, content };
    }
    if (op.access !== "anyone") operation.security = [{ token: [] }, { sessionCookie: [] }];
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas: { ...requests.schemas(), ...replies.schemas() },
      securitySchemes: {
        token: { type: "apiKey", in: "header", name: "Authorization", description: "`Token <key>`, as issued by POST /api/users/login/" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session; counts on writes only from this site." },
      },
    },
  };
}

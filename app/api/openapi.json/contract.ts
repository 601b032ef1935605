import { z } from "zod";
import { contract } from "@/lib/http/contract";

export default contract({
  method: "GET",
  path: "/api/openapi.json",
  summary: "This document: the old API's contract as OpenAPI 3.1, generated from the contract.ts beside each route.",
  access: "anyone",
  responses: { 200: { description: "The OpenAPI document.", body: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
});

import { z } from "zod";
import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { publicProfileExample, publicProfileReply } from "../../profile/shape";

const seo = z.strictObject({
  title: z.string(),
  description: z.string(),
  canonical_url: z.string(),
  og_title: z.string(),
  og_description: z.string(),
  og_image: z.string().nullable(),
  og_type: z.literal("profile"),
  og_url: z.string(),
  json_ld: z.record(z.string(), z.unknown()).meta({ description: "schema.org Person" }),
  robots: z.string(),
});

export default contract({
  method: "GET",
  path: "/api/users/guides/{username}/",
  summary: "Public: one active guide's page data and the SEO block the guide page renders.",
  access: "anyone",
  responses: {
    200: {
      description: "The guide.",
      body: z.strictObject({ profile: publicProfileReply, seo }).meta({ id: "PublicGuide" }),
      example: {
        profile: publicProfileExample,
        seo: {
          title: "Grace | Zporta Academy", description: "Physics for everyone", canonical_url: "https://zportaacademy.com/guide/grace",
          og_title: "Grace | Zporta Academy", og_description: "Physics for everyone", og_image: null, og_type: "profile",
          og_url: "https://zportaacademy.com/guide/grace",
          json_ld: { "@context": "https://schema.org", "@type": "Person", name: "Grace", jobTitle: "Guide" }, robots: "index, follow",
        },
      },
    },
    404: { description: "Not an active guide.", body: detailBody, example: { detail: "Guide profile not found." } },
    ...commonReplies("detail"),
  },
});

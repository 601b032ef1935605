import { commonReplies, contract } from "@/lib/http/contract";

export default contract({
  method: "GET",
  path: "/api/users/magic-link-login/{uid}/{token}/",
  summary: "The old sign-in link: redirects to the page whose button spends it (opening a link never does).",
  access: "anyone",
  responses: {
    302: { description: "To /magic-login/{uid}/{token}/.", headers: { Location: "/magic-login/{uid}/{token}/" } },
    ...commonReplies("detail"),
  },
});

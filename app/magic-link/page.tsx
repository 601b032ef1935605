import type { Metadata } from "next";
import Link from "next/link";
import { LinkRequestForm } from "../components/link-request-form";
import { linkTtlMinutes } from "@/lib/one-time-links/config";
import { magicLinkRequest } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Email me a sign-in link" };

export default function MagicLinkPage() {
  return (
    <section className="card">
      <LinkRequestForm
        action={magicLinkRequest}
        heading="Email me a sign-in link"
        intro={`Enter the email address of your account and we will send you a link that signs you in, once, within ${linkTtlMinutes("magic_login")} minutes.`}
        button="Send sign-in link"
        busy="Sending…"
      />
      <p>
        <Link href="/login">Sign in with your password</Link>
      </p>
    </section>
  );
}

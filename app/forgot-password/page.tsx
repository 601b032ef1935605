import type { Metadata } from "next";
import Link from "next/link";
import { LinkRequestForm } from "../components/link-request-form";
import { forgotPassword } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <section className="card">
      <LinkRequestForm
        action={forgotPassword}
        heading="Forgot your password?"
        intro="Enter the email address of your account and we will send you a link to choose a new password."
        button="Send reset link"
        busy="Sending…"
      />
      <p>
        <Link href="/login">Back to sign in</Link>
      </p>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { googleClientIds } from "@/lib/google-login/config";
import { GoogleSignIn } from "../components/google-sign-in";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage() {
  // A signed-in member has an account already: sign-up is not for them.
  if (await getCurrentUser()) redirect("/account");
  const [googleClientId] = googleClientIds();
  return (
    <section className="card">
      <h1>Create your account</h1>
      {googleClientId && <GoogleSignIn clientId={googleClientId} next="/account" />}
      <SignupForm />
      <p>
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </section>
  );
}

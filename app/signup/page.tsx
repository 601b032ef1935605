import type { Metadata } from "next";
import { googleClientIds } from "@/lib/google-login/config";
import { GoogleSignIn } from "../components/google-sign-in";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Sign up" };

export default function SignupPage() {
  const [googleClientId] = googleClientIds();
  return (
    <section className="card">
      <SignupForm />
      {googleClientId && <GoogleSignIn clientId={googleClientId} next="/account" />}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { FormMessage } from "./components/field";
import { first, type SearchParams } from "./components/search-params";
import { ButtonLink } from "./components/ui";

export const metadata: Metadata = { title: "Zporta Academy" };

// Where a person lands after leaving: each way out ends on a sentence that says what
// happened (the ending pages' parameters carry no data, only which sentence).
const FAREWELLS: Record<string, string> = {
  deleted: "Your account has been deleted. We have emailed you a confirmation.",
  deactivated: "Your account has been deactivated and you have been signed out. Sign in again at any time to reactivate it.",
  "signed-out": "You have been signed out.",
};

export default async function Home({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) {
    return (
      <section className="card">
        <h1>Welcome back, {user.username}</h1>
        <ul className="link-list">
          <li>
            <Link href="/account">Your account and profile</Link>
          </li>
          <li>
            <Link href="/account/security">Password, sessions and devices</Link>
          </li>
          <li>
            <Link href="/guide-application">Teach on Zporta Academy</Link>
          </li>
          {user.isStaff && (
            <li>
              <Link href="/admin">Staff area</Link>
            </li>
          )}
        </ul>
      </section>
    );
  }
  const farewell = Object.keys(FAREWELLS).find((k) => first(params[k]) === "1");
  return (
    <section className="card">
      {farewell && <FormMessage kind="success">{FAREWELLS[farewell]}</FormMessage>}
      <h1>Welcome to Zporta Academy</h1>
      <p>Learn as an explorer, teach as a guide, or both.</p>
      <p>
        <ButtonLink href="/signup">Create your account</ButtonLink>
      </p>
      <p>
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </section>
  );
}

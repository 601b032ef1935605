import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { signOut } from "./sign-out-action";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Zporta Academy
      </Link>
      <nav aria-label="Main">
        {user ? (
          <>
            {user.isStaff && <Link href="/admin">Admin</Link>}
            <Link href="/guide-application">Teach</Link>
            {/* The accessible name starts with the visible text (voice control users say what they see). */}
            <Link href="/account">
              {user.username}
              <span className="visually-hidden"> (your account)</span>
            </Link>
            {/* A form, not a link: works without JavaScript and cannot be triggered by a GET. */}
            <form action={signOut} className="inline-form">
              <button type="submit" className="link-button">
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/login">Sign in</Link>
            <Link href="/signup">Sign up</Link>
          </>
        )}
      </nav>
    </header>
  );
}

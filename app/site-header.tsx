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
            <Link href="/account" aria-label={`Your account (${user.username})`}>
              {user.username}
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

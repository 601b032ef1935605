import Link from "next/link";
import type { ReactNode } from "react";

// The design language's building blocks (tokens and styles in app/globals.css): a page's
// card, an empty list's message, and links or buttons in the four variants. Server
// components; forms keep their own <button>s with these classes.

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

/** The class a <button> or link gets for a variant (primary is the default look). */
export function buttonClass(variant: ButtonVariant = "primary"): string {
  return { primary: "button", secondary: "button button-secondary", danger: "button button-danger", link: "link-button" }[variant];
}

export function ButtonLink({ href, variant, children }: { href: string; variant?: ButtonVariant; children: ReactNode }) {
  return (
    <Link href={href} className={buttonClass(variant)}>
      {children}
    </Link>
  );
}

export function Card({ children, labelledBy }: { children: ReactNode; labelledBy?: string }) {
  return (
    <section className="card" aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}

/** What a list shows when it has nothing yet, with the next step if there is one. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}

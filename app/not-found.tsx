import type { Metadata } from "next";
import { ButtonLink } from "./components/ui";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <ButtonLink href="/">Go to the home page</ButtonLink>
      </p>
    </section>
  );
}

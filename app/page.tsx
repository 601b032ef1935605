import Link from "next/link";

export default function Home() {
  return (
    <section className="card">
      <h1>Welcome to Zporta Academy</h1>
      <p>Learn as an explorer, teach as a guide, or both.</p>
      <p>
        <Link href="/signup" className="button">
          Create your account
        </Link>
      </p>
    </section>
  );
}

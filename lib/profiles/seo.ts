import { publicUrl } from "../config/public-base-url";

// The SEO block the live guide page renders into <head> (title, description, canonical,
// Open Graph, JSON-LD, robots), built from the public profile only.

const DESCRIPTION_MAX = 160;

function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function guideSeo(p: Record<string, unknown>) {
  const username = String(p.username);
  const name = (typeof p.display_name === "string" && p.display_name.trim()) || username;
  const about = [p.teacher_tagline, p.teacher_about, p.bio, p.teaching_specialties].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  const description = shorten(about ?? `${name} teaches on Zporta Academy.`, DESCRIPTION_MAX);
  const canonical = publicUrl(`/guide/${encodeURIComponent(username)}`);
  const image = typeof p.profile_image_url === "string" ? p.profile_image_url : null;
  const title = `${name} | Zporta Academy`;
  const sameAs = [p.website_url, p.linkedin_url, p.twitter_url, p.youtube_url].filter((v): v is string => typeof v === "string" && v !== "");
  return {
    title,
    description,
    canonical_url: canonical,
    og_title: title,
    og_description: description,
    og_image: image,
    og_type: "profile",
    og_url: canonical,
    json_ld: {
      "@context": "https://schema.org",
      "@type": "Person",
      name,
      url: canonical,
      ...(image ? { image } : {}),
      description,
      ...(sameAs.length ? { sameAs } : {}),
      jobTitle: "Guide",
    },
    robots: "index, follow",
  };
}

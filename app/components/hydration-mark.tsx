"use client";

import { useEffect } from "react";

// Marks the document once React has hydrated it (<html data-hydrated>). Forms work
// before that too (they post without JavaScript); browser tests wait for the mark so a
// click made "with JavaScript" really takes the JavaScript path on a slow machine. (The
// layout's <noscript> span is the mark of a browser without JavaScript.)
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}

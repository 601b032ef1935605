"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The outcome of an action, taking the keyboard focus when it appears: after a
 * successful submit the focus would otherwise stay on a button the person is done with
 * (or on nothing, when the form was replaced), and a screen reader would not start from
 * what happened. Without JavaScript it is a plain status on the returned page.
 */
export function ArrivalFocus({
  as: Tag = "div",
  className,
  role = "status",
  children,
}: {
  as?: "div" | "p" | "span";
  className?: string;
  role?: "status" | "alert";
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [children]);
  return (
    <Tag ref={ref as never} className={className} role={role} tabIndex={-1}>
      {children}
    </Tag>
  );
}

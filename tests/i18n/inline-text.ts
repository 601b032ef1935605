import { parseSync } from "@swc/core";

// Finds the words a .tsx file shows that do not come from the catalogue: JSX text, string
// literals that a JSX expression puts on screen, string props a person reads (title,
// placeholder, alt, aria-label, label, …) and a page's `metadata` title/description.
// Strings given to calls (t("key"), className helpers), compared (status === "error") or
// used as types and object keys are code, not text.

const READ_PROPS =
  /^(title|placeholder|alt|label|aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|hint|description|heading|legend|caption|summary|message|confirm)$|(Label|Text|Title|Message|Hint|Heading)$/;
const HAS_LETTER = /\p{L}/u;
const COMPARISON = new Set(["===", "!==", "==", "!=", "in", "instanceof"]);

export interface InlineText {
  line: number;
  text: string;
}

type Node = { type?: string; span?: { start: number }; [key: string]: unknown };

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null;

export function inlineTexts(fileName: string, source: string): InlineText[] {
  const module = parseSync(source, { syntax: "typescript", tsx: fileName.endsWith(".tsx") }) as unknown as Node;
  // swc's offsets are UTF-8 bytes counted from where this parse began.
  const base = module.span!.start;
  const bytes = Buffer.from(source, "utf8");
  const lineOf = (node: Node) => bytes.subarray(0, Math.max(0, (node.span?.start ?? base) - base)).toString("utf8").split("\n").length;
  const found: InlineText[] = [];
  const report = (node: Node, text: string) => {
    if (HAS_LETTER.test(text)) found.push({ line: lineOf(node), text: text.trim().replace(/\s+/g, " ").slice(0, 80) });
  };

  const children = (node: Node, fn: (n: Node) => void) => {
    for (const [key, value] of Object.entries(node)) {
      if (key === "span") continue;
      if (Array.isArray(value)) value.forEach((v) => isNode(v) && fn(v));
      else if (isNode(value)) fn(value);
    }
  };

  /** An expression whose strings reach the screen. */
  const shown = (node: Node): void => {
    switch (node.type) {
      case "StringLiteral":
        return report(node, node.value as string);
      case "TemplateLiteral":
      case "Tpl":
        (node.quasis as Node[]).forEach((q) => report(q, String(q.cooked ?? q.raw ?? "")));
        (node.expressions as Node[]).forEach(shown);
        return;
      case "CallExpression":
      case "NewExpression":
      case "TaggedTemplateExpression":
        return code(node);
      case "BinaryExpression":
        return COMPARISON.has(node.operator as string) ? code(node) : children(node, shown);
      case "ConditionalExpression":
        code(node.test as Node);
        shown(node.consequent as Node);
        shown(node.alternate as Node);
        return;
      case "MemberExpression":
      case "KeyValueProperty":
        return code(node);
      case "JSXElement":
      case "JSXFragment":
        return code(node);
      default:
        if (node.type?.startsWith("Ts")) return;
        return children(node, shown);
    }
  };

  /** Code: only JSX inside it shows anything. */
  const code = (node: Node): void => {
    switch (node.type) {
      case "JSXText":
        return report(node, node.value as string);
      case "JSXExpressionContainer":
        return shown(node.expression as Node);
      case "JSXAttribute": {
        const name = (node.name as Node).type === "Identifier" ? ((node.name as Node).value as string) : "";
        const value = node.value as Node | null;
        if (!value) return;
        if (READ_PROPS.test(name)) return value.type === "JSXExpressionContainer" ? shown(value.expression as Node) : shown(value);
        return value.type === "JSXExpressionContainer" ? code(value.expression as Node) : code(value);
      }
      case "VariableDeclarator": {
        const id = node.id as Node;
        if (id.type === "Identifier" && id.value === "metadata" && node.init) return metadata(node.init as Node);
        return children(node, code);
      }
      default:
        return children(node, code);
    }
  };

  const metadata = (node: Node): void => {
    if (node.type === "KeyValueProperty") {
      const key = node.key as Node;
      if (key.type === "Identifier" && /^(title|description|default|template)$/.test(key.value as string)) return shown(node.value as Node);
    }
    children(node, metadata);
  };

  code(module);
  return found;
}

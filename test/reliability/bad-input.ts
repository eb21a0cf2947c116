/**
 * Bad and awkward input values, shared by every surface's bad-input tests: values each field must refuse
 * (naming the field, sending nothing), and awkward but legal strings that must be signed, sent and echoed
 * back byte for byte - never decoded twice, truncated or re-encoded.
 */

/** 10 kB: far beyond any real TaskNo, still inside an HTTP request line. */
export const LONG_VALUE = `T-${"x".repeat(10 * 1024)}`;

/** Legal strings that break naive query building or signing. None has outer whitespace (inputs are trimmed). */
export const AWKWARD_VALUES: [string, string][] = [
  ["ampersand and equals", "a&b=c&TaskNo=evil"],
  ["percent signs", "100%25%"],
  ["pre-encoded text", "%41%42%2F"],
  ["plus signs", "+plus+sign+"],
  ["an inner newline", "line1\nline2"],
  ["reserved URL characters", "semi;colon/slash?q#hash"],
  ["SQL-like text", "' OR 1=1 --"],
  ["HTML", "<script>alert(1)</script>"],
  ["non-ASCII", "任务-ü-é-🚀"],
  ["10 kB", LONG_VALUE],
];

/** Query-field values every SDK entry point must refuse with a ValidationError naming the field. */
export const REFUSED_QUERY_VALUES: [field: string, value: unknown][] = [
  ["taskNo", ""],
  ["taskNo", "   "],
  ["taskNo", 123],
  ["taskNo", null],
  ["taskNo", { no: 1 }],
  ["taskStatus", 4],
  ["taskStatus", -1],
  ["taskStatus", 1.5],
  ["taskStatus", "DONE"],
  ["lang", "fr"],
  ["lang", ""],
  ["domainName", ""],
  ["domainName", 42],
  ["instanceId", ""],
  ["userClientIp", ""],
];

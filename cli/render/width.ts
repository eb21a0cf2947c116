/**
 * How many terminal columns a string takes, so tables stay aligned for internationalised domain names
 * (例え.テスト, 한국.kr, 💩.la) and reasons in Chinese (`--lang zh`).
 *
 * Written here rather than taken from string-width: its CommonJS release (4.x, what node_modules has) carries
 * emoji data from 2019, and the current releases are ESM-only, which a CommonJS package cannot require on
 * every Node 20. Node itself knows the Unicode data: grapheme clusters come from Intl.Segmenter and emoji from
 * the regex properties, so the only table here is the East Asian Wide/Fullwidth blocks, which do not move.
 *
 * A cluster is 2 columns when it is an emoji shown as emoji (Emoji_Presentation, or any pictograph followed by
 * VS16 U+FE0F, a flag, a ZWJ family) or starts with a wide or fullwidth character; 0 when it is only
 * combining marks, format or control characters; else 1. As wcwidth and terminals count.
 */

/** East Asian Wide (W) and Fullwidth (F) blocks of EastAsianWidth.txt, as [first, last] code points. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals .. CJK symbols and punctuation (U+3000 ideographic space)
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK strokes, enclosed CJK
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], // Tangut, Khitan, kana supplements
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x20000, 0x2fffd], [0x30000, 0x3fffd], // CJK extensions B..
];

const isWide = (cp: number): boolean => {
  for (const [first, last] of WIDE) {
    if (cp < first) return false;
    if (cp <= last) return true;
  }
  return false;
};

const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}{2}/u;
const ZERO_WIDTH = /^(?:\p{Mark}|\p{Default_Ignorable_Code_Point}|\p{Control}|\p{Format})+$/u;
/** Printable ASCII: one column a character, the common case (every punycode domain), measured without segmenting. */
const ASCII = /^[\x20-\x7e]*$/;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const clusterWidth = (cluster: string): number => {
  if (ZERO_WIDTH.test(cluster)) return 0;
  if (EMOJI.test(cluster)) return 2;
  return isWide(cluster.codePointAt(0) ?? 0) ? 2 : 1;
};

/** Terminal columns of `text` (no ANSI escapes: strip them first). */
export const displayWidth = (text: string): number => {
  if (ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += clusterWidth(segment);
  return width;
};

/** `text` cut to at most `columns` columns, ending in "…" when cut; never splits a character or an emoji. */
export const truncateToWidth = (text: string, columns: number): string => {
  if (displayWidth(text) <= columns) return text;
  if (columns <= 0) return "";
  let out = "";
  let width = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = clusterWidth(segment);
    if (width + w > columns - 1) break;
    out += segment;
    width += w;
  }
  return `${out.trimEnd()}…`;
};

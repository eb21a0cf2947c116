import { displayWidth, truncateToWidth } from "../../cli/render/width";

describe("displayWidth", () => {
  it.each([
    ["plain.example.com", 17],
    ["例え.テスト", 11], // CJK and katakana: two columns each
    ["한국.kr", 7], // Hangul syllables
    ["中文域名.中国", 13],
    ["ｆｕｌｌ", 8], // fullwidth forms
    ["💩.la", 5], // an emoji shown as emoji
    ["❤️.ws", 5], // a text symbol made emoji by VS16
    ["❤.ws", 4], // the same symbol without VS16: one column, as terminals draw it
    ["👨‍👩‍👧.ws", 5], // a ZWJ family is one emoji
    ["🇯🇵.jp", 5], // a flag (two regional indicators) is one emoji
    ["cafe\u0301.fr", 7], // a combining accent takes no column
    ["a\u200bb", 2], // a zero-width space takes none
    ["", 0],
  ])("%j is %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("truncateToWidth", () => {
  it("cuts to the width with an ellipsis, never through a wide character or an emoji", () => {
    expect(truncateToWidth("The registry refused the change", 12)).toBe("The registr…");
    expect(truncateToWidth("域名状态不允许修改", 10)).toBe("域名状态…");
    expect(displayWidth(truncateToWidth("域名状态不允许修改", 10))).toBe(9);
    expect(truncateToWidth("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 4)).toBe("👨‍👩‍👧…");
    expect(truncateToWidth("short", 12)).toBe("short");
    expect(truncateToWidth("word  and more", 6)).toBe("word…");
  });
});

// Test helper: Node has no GBK encoder, so invert GB18030's two-byte range with TextDecoder.
const table = new Map<string, [number, number]>();

function build(): void {
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
}

/** Encode text as GBK bytes (throws on a character GBK lacks). @example gbkBytes('哈') // [0xb9, 0xfe] */
export function gbkBytes(text: string): Uint8Array {
  if (table.size === 0) build();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(pair[0], pair[1]);
    }
  }
  return Uint8Array.from(out);
}

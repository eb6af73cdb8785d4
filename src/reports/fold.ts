/**
 * Full-width ASCII → ASCII, one character for one, so that offsets in the folded text are offsets
 * in the text as written (NFKC would change lengths: ① → 1, ㎡ → m2).
 */

/**
 * Fold full-width digits, letters and signs (１２．５％ → 12.5%) and the minus sign; the
 * full-width comma stays, since an ASCII comma may be a thousands separator and `，` never is.
 * @example fold('同比下降３０．１％') // '同比下降30.1%'
 */
export function fold(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to = -1;
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) to = c - 0xfee0;
    else if (c === 0x2212) to = 0x2d;
    else if (c === 0x3000 || c === 0xa0) to = 0x20;
    if (to >= 0) {
      out += text.slice(from, i) + String.fromCharCode(to);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A report's text cut into paragraphs (lines) and sentences, each with its offset in the text,
 * so that a figure can point back at exactly what was written.
 */

/** A sentence: `text.slice(start, end)`, in paragraph number `paragraph` (0-based line index). */
export interface Span {
  start: number;
  end: number;
  paragraph: number;
}

/** A paragraph: one line of the text, trimmed of surrounding spaces. */
export interface Paragraph extends Span {
  /** Short, unpunctuated, or numbered like 一、 / （一） / 第一方面: a heading rather than prose. */
  heading: boolean;
}

// Sentences end at 。！？ and, in these reports' long enumerations, at ；: a clause list joined by
// semicolons is several statements, and a reviewer wants the one that holds the figure.
const END = /[。！？!?；;]/;
// Closing quotes and brackets right after the end mark belong to the sentence they close.
const CLOSERS = /[”’」』）)】〕》"']/;
const SPACE = /[\s\u00a0\u3000]/;

const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部方章节]|[一二三四五六七八九十]+是)/;

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text.charAt(start))) start++;
  while (end > start && SPACE.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * The text's non-empty lines. A line is a heading when it is short and has no sentence end, or is
 * numbered (一、 （一）) and has no full stop before its end.
 * @example paragraphsOf('一、总体情况\n全年完成3项。') // [{ start: 0, end: 6, paragraph: 0, heading: true }, …]
 */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let lineStart = 0;
  let index = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const [start, end] = trimSpan(text, lineStart, lineEnd);
    if (end > start) {
      const line = text.slice(start, end);
      const firstStop = line.search(/[。！？!?]/);
      const short = end - start <= 40 && firstStop < 0 && !/[，,；;：:]$/.test(line);
      const numbered = NUMBERED_HEADING.test(line) && (firstStop < 0 || firstStop === line.length - 1) && line.length <= 60;
      out.push({ start, end, paragraph: index, heading: short || numbered });
      index++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * The sentences of one paragraph, trimmed, with their offsets in the whole text.
 * @example sentencesOf('甲。乙；丙', { start: 0, end: 5, paragraph: 0 }) // spans of 甲。 乙； 丙
 */
export function sentencesOf(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let from = p.start;
  let i = p.start;
  while (i < p.end) {
    if (END.test(text.charAt(i))) {
      let end = i + 1;
      while (end < p.end && (CLOSERS.test(text.charAt(end)) || END.test(text.charAt(end)))) end++;
      const [s, e] = trimSpan(text, from, end);
      if (e > s) out.push({ start: s, end: e, paragraph: p.paragraph });
      from = end;
      i = end;
    } else i++;
  }
  const [s, e] = trimSpan(text, from, p.end);
  if (e > s) out.push({ start: s, end: e, paragraph: p.paragraph });
  return out;
}

import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/ingest/detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['comma', '地区,2023年,2024年\n道里区,5.9,6.04\n南岗区,3.1,3.3', false, ','],
    ['tab', '地区\t2023年\t2024年\n道里区\t5.9\t6.04', false, '\t'],
    ['semicolon', '地区;2023年;2024年\n道里区;5,9;6,04', false, ';'],
    ['comma inside quotes does not count', '"a,b"\tc\td\n"e,f"\tg\th', false, '\t'],
    ['title row without delimiters above a comma table', '某某主要指标\n地区,2024年\n道里区,6.04\n南岗区,3.3', false, ','],
    ['Chinese 、 when it splits every line alike', '地区、2024年\n道里区、6.04\n南岗区、3.3', false, '、'],
    ['Chinese ， inside text is not a delimiter when commas exist', '地区,说明\n道里区,超出任务，完成良好', false, ','],
    ['pasted text defaults to tab', '道里区', true, '\t'],
  ])('%s', (_name, text, preferTab, expected) => {
    expect(detectDelimiter(text, preferTab)).toBe(expected);
  });

  it('input is not mutated', () => {
    const text = '地区,2024年\n道里区,6.04';
    detectDelimiter(text);
    expect(text).toBe('地区,2024年\n道里区,6.04');
  });
});

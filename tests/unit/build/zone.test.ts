import { expect, it } from 'vitest';

it('unit tests run in a non-UTC zone (China, UTC+8), set by the config on every platform', () => {
  expect(new Date(Date.UTC(2024, 0, 1, 20)).getDate()).toBe(2);
  expect(new Date(0).getTimezoneOffset()).toBe(-480);
});

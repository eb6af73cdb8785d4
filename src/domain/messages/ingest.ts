/** Import issues: key `issue.<code>`, with `{placeholders}` filled from the params. */
export const ingest = {
  zh: {
    'issue.not_a_number': '第 {row} 行“{column}”列的“{raw}”不是数字，未导入该值。',
  },
  en: {
    'issue.not_a_number': 'Row {row}, column "{column}": "{raw}" is not a number; the value was not imported.',
  },
};

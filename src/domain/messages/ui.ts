/** Interface text. Keys are grouped by screen: `app.`, `nav.`, `import.`, `chart.`, … */
export const ui = {
  zh: {
    'app.title': '指标看板',
  },
  en: {
    'app.title': 'Indicator Dashboard',
  },
};

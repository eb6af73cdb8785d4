/**
 * CSS must work at the supported floor (package.json browserslist: Chromium 86, the kernel of
 * 360安全浏览器 13): `inset` (87), `aspect-ratio` (88), `:has()` (105) and container queries
 * left the import dialog off screen there. Svelte components' <style> blocks are read through
 * postcss-html.
 */
export default {
  overrides: [{ files: ['**/*.svelte'], customSyntax: 'postcss-html' }],
  plugins: ['stylelint-no-unsupported-browser-features'],
  rules: {
    'plugin/no-unsupported-browser-features': [
      true,
      {
        severity: 'error',
        // Partial support that does not matter here: vendor-prefixed or harmless when ignored.
        ignorePartialSupport: true,
      },
    ],
    // The caniuse data behind the rule above has no entry for these: listed by hand, with the
    // Chromium version that brought each.
    'property-disallowed-list': [
      ['inset', 'inset-block', 'inset-inline', 'aspect-ratio', 'container', 'container-type', 'container-name', 'translate', 'rotate', 'scale'],
      { message: (property) => `"${property}" is newer than Chromium 86 (87–104): write it out, e.g. top/right/bottom/left for inset` },
    ],
    'selector-pseudo-class-disallowed-list': [['has', 'is', 'where'], { message: (p) => `${p}() is newer than Chromium 86` }],
    'at-rule-disallowed-list': [['container', 'layer'], { message: (r) => `@${r} is newer than Chromium 86` }],
  },
};

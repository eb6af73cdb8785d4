/** Messages of the rectification ledger (整改台账) and its 挂图作战 board. Same keys in both locales. */
export const ledger: Record<string, string> = {
};

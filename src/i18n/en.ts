import first from './messages/en.json';
import actions from './messages/en.actions.json';

/**
 * The English catalog, whole: the messages of the first paint and those only the dialogs show, which
 * the bundle keeps apart so the first paint does not carry them (the dialogs' chunk does).
 */
export const en: typeof first & typeof actions = { ...first, ...actions };

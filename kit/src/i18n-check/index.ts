// Checks translated catalogs of @firstparty/active-sessions against the English source.
export { main } from './main.js';

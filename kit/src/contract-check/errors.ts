/** A bad command line or sessions file: exit 2 with the usage. */
export class UsageError extends Error {}
/** The server broke the rule; the message says what was seen. */
export class Failure extends Error {}
/** No answer at all (refused connection, timeout): every later check would only repeat it. */
export class NoAnswer extends Failure {}
/** The check cannot run against this server (not a verdict); the message says why. */
export class Skipped extends Error {}

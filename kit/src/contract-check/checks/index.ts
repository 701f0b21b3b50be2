// The checks, in the order they run: read-only first, then what ends sessions, log out all last.
import type { Check } from '../check.js';
import { authForged, authNone } from './auth.js';
import { errorsBadFlag, errorsHostileId, errorsPlainBodies, errorsUnknownId } from './errors.js';
import {
  listEverySession,
  listIdsOpaque,
  listLastActive,
  listNoEnded,
  listNoIp,
  listNoStore,
  listOk,
  listOneCurrent,
  listSchema,
  listUniqueIds,
  sessionsSignedIn,
} from './list.js';
import { logoutAllAccepted, logoutAllCsrf, logoutAllEndsAll, logoutAllScoped } from './logout-all.js';
import {
  logoutCsrfMissing,
  logoutCsrfWrong,
  logoutCurrent,
  logoutGone,
  logoutOther,
  logoutRemoveTrusted,
  logoutUnlisted,
  logoutUnrecognized,
} from './logout.js';
import { scopeDelete, scopeList } from './scope.js';

export const CHECK_LIST: readonly Check[] = [
  listOk,
  listNoStore,
  listSchema,
  listLastActive,
  listUniqueIds,
  listOneCurrent,
  listNoEnded,
  listNoIp,
  listIdsOpaque,
  sessionsSignedIn,
  listEverySession,
  scopeList,
  authNone,
  authForged,
  errorsUnknownId,
  errorsHostileId,
  errorsBadFlag,
  scopeDelete,
  logoutCsrfMissing,
  logoutCsrfWrong,
  logoutCurrent,
  logoutOther,
  logoutUnlisted,
  logoutGone,
  logoutRemoveTrusted,
  logoutUnrecognized,
  logoutAllCsrf,
  logoutAllAccepted,
  logoutAllEndsAll,
  logoutAllScoped,
  errorsPlainBodies,
];

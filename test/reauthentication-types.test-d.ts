// Type tests for B16's public surface, checked by `tsc` (expectTypeOf is a no-op at run time).
import { expectTypeOf } from 'vitest';
import type {
  ActiveSessionsProviderProps,
  ActiveSessionsSectionProps,
  LogOutAllResult,
  LogOutResult,
  SessionsErrorCode,
  UseActiveSessionsResult,
} from '../src';

expectTypeOf<ActiveSessionsProviderProps['onReauthenticate']>().toEqualTypeOf<(() => Promise<boolean>) | undefined>();
expectTypeOf<ActiveSessionsSectionProps['onReauthenticate']>().toEqualTypeOf<(() => Promise<boolean>) | undefined>();
expectTypeOf<'reauthentication_required'>().toExtend<SessionsErrorCode>();
expectTypeOf<{ outcome: 'cancelled' }>().toExtend<LogOutResult>();
expectTypeOf<{ outcome: 'cancelled' }>().toExtend<LogOutAllResult>();
expectTypeOf<UseActiveSessionsResult['isReauthenticating']>().toEqualTypeOf<boolean>();

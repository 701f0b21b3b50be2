import type { ReactNode } from 'react';
import { ActiveSessionsProvider, createFetchSessionsClient } from '../../src';
import { BASE_URL } from './api';
import { useStoryEnvironment } from './environment';

// The presentational parts make no requests; the provider only carries the toolbar's locale and strings.
const idleClient = createFetchSessionsClient({ baseUrl: BASE_URL });

/**
 * Frame for one presentational part: the toolbar's locale and strings through a provider, and the
 * stylesheet's tokens (`fpas-theme`), as a host that renders a part on its own would set them up.
 */
export function Frame({ children, width }: { children: ReactNode; width?: number }) {
  const { locale, strings, dir } = useStoryEnvironment();
  return (
    <ActiveSessionsProvider client={idleClient} locale={locale} strings={strings}>
      <div className="fpas-theme" dir={dir} style={{ maxInlineSize: width ?? 720 }}>
        {children}
      </div>
    </ActiveSessionsProvider>
  );
}

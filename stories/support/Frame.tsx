import type { ReactNode } from 'react';
import { ActiveSessionsProvider, createFetchSessionsClient, type ActiveSessionsLinks } from '../../src';
import { BASE_URL } from './api';
import { useStoryEnvironment } from './environment';

// The presentational parts make no requests; the provider only carries the toolbar's locale and strings.
const idleClient = createFetchSessionsClient({ baseUrl: BASE_URL });

/**
 * Frame for one presentational part: the toolbar's locale and strings (and the host's help links, if
 * given) through a provider, and the
 * stylesheet's tokens (`fpas-theme`), as a host that renders a part on its own would set them up.
 */
export function Frame({ children, width, links }: { children: ReactNode; width?: number; links?: ActiveSessionsLinks }) {
  const { locale, strings, dir } = useStoryEnvironment();
  return (
    <ActiveSessionsProvider client={idleClient} locale={locale} strings={strings} links={links}>
      <div className="fpas-theme" dir={dir} style={{ maxInlineSize: width ?? 720 }}>
        {children}
      </div>
    </ActiveSessionsProvider>
  );
}

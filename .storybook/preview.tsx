import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { effectiveDir, environmentOf, StoryEnvironmentProvider, type StoryGlobals } from '../stories/support/environment';
import { storyLocales } from '../stories/support/locales';
import { ComponentDocsPage, DocsPageContainer, withFrameHeight } from './docs';
import '../src/styles.css';
import './preview.css';
import { preloadActions } from '../src/components/lazy';

// Theme, language and direction go on <html> too: Radix portals the modals to <body>, outside any wrapper.
const withEnvironment: Decorator = (Story, context) => {
  const globals = context.globals as StoryGlobals;
  const environment = environmentOf(globals);
  const dir = effectiveDir(globals);
  const root = document.documentElement;
  root.dataset.theme = environment.theme;
  root.lang = environment.locale;
  root.dir = dir;
  return (
    <StoryEnvironmentProvider value={environment}>
      <div className="sb-canvas" data-theme={environment.theme} lang={environment.locale} dir={dir}>
        <Story />
      </div>
    </StoryEnvironmentProvider>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  // Issue 23: the dialogs and the row menu are a chunk behind import(), which the dev server compiles on
  // first use (over a second under load); loaded before each story, play functions open dialogs as a
  // reader does after the prefetch on intent. The consumer tests check the chunk loads on intent only.
  loaders: [mswLoader(), () => preloadActions().then(() => ({}))],
  decorators: [withEnvironment, withFrameHeight],
  globalTypes: {
    locale: {
      description: 'Language of the section',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: Object.entries(storyLocales).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme (data-theme on <html>)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'auto', title: 'Auto (system: prefers-color-scheme)', icon: 'mirror' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'Direction: from locale' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', dir: 'auto' },
  parameters: {
    layout: 'padded',
    // Any axe violation fails the story's test.
    a11y: { test: 'error' },
    viewport: {
      options: {
        narrow: { name: 'Narrow phone (320 px)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    controls: { expanded: true },
    // Docs pages (autodocs and stories/docs/*.mdx): stories in frames of their own, see ./docs.tsx.
    docs: {
      container: DocsPageContainer,
      page: ComponentDocsPage,
      story: { inline: false, height: '120px' },
      toc: false,
    },
  },
};

export default preview;

import { useEffect, type ReactNode } from 'react';
import type { Decorator } from '@storybook/react-vite';
import {
  ArgTypes,
  Description,
  DocsContainer,
  type DocsContainerProps,
  Heading,
  Primary,
  Stories,
  Title,
} from '@storybook/addon-docs/blocks';

/** A docs page is a page: its content is the main landmark (axe's landmark-one-main). */
export function DocsPageContainer({ children, ...props }: DocsContainerProps & { children?: ReactNode }) {
  return (
    <DocsContainer {...props}>
      <main>{children}</main>
    </DocsContainer>
  );
}

/**
 * The page generated for each component (autodocs): what it is, one live example, the props table
 * from its TypeScript types (read-only, one line per prop), then every story. Headings go h1 → h2 → h3,
 * so a component's own h2 or h3 never skips a level (axe's heading-order).
 */
export function ComponentDocsPage() {
  return (
    <>
      <Title />
      <Description />
      <Heading>Example</Heading>
      <Primary />
      <Heading>Props</Heading>
      <ArgTypes exclude={['fixture']} />
      <Stories title="Every story" includePrimary={false} />
    </>
  );
}

/**
 * Docs pages render each story in an iframe of its own (`docs.story.inline: false`): one page then holds
 * many sections named "Active sessions" without two landmarks of one name on a document (axe's
 * landmark-unique), each story keeps its own mocked API, and a story's theme, language and direction
 * stay in its frame. This sizes the frame to the story, so no height needs guessing.
 */
export const withFrameHeight: Decorator = (Story, context) => {
  // Only a docs page's frame (Storybook names it iframe--<story id>); never the test runner's.
  const frame = context.viewMode === 'story' && window.parent !== window ? window.frameElement : null;
  const box = frame?.id.startsWith('iframe--') ? frame.parentElement : null;
  return (
    <>
      {box && <FitFrame box={box} />}
      <Story />
    </>
  );
};

/** Sizes the box Storybook puts around a docs page's story frame to the story's content. */
function FitFrame({ box }: { box: HTMLElement }) {
  useEffect(() => {
    const fit = () => fitToContent(box);
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    const mutations = new MutationObserver(fit);
    mutations.observe(document.body, { childList: true, subtree: true });
    fit();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [box]);
  return null;
}

/** Sets the box's height to the page's content. */
function fitToContent(box: HTMLElement) {
  // A modal is position: fixed and adds nothing to the page's height: measure what it covers too.
  const dialogs = [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')].map(
    (dialog) => dialog.getBoundingClientRect().bottom + 24,
  );
  const height = Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight, ...dialogs));
  if (box.style.height !== `${height}px`) box.style.height = `${height}px`;
}

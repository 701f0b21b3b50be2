import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { ComponentType } from 'react';
import { ActiveSessionsSection, type ActiveSessionsSectionProps } from '../../src';
import type { MockedApi } from './api';
import { useStoryEnvironment } from './environment';

/** The section's props as stories pass them: each story's mocked API supplies the client. */
type StorySectionProps = Omit<ActiveSessionsSectionProps, 'client'> & Partial<Pick<ActiveSessionsSectionProps, 'client'>>;
const StorySection = ActiveSessionsSection as ComponentType<StorySectionProps>;

/** The drop-in section over a story's mocked API, in the toolbar's locale and direction. */
export function MockedSection({ api, ...props }: StorySectionProps & { api: MockedApi }) {
  const { locale, strings, dir } = useStoryEnvironment();
  return <ActiveSessionsSection locale={locale} strings={strings} dir={dir} {...props} client={api.client} queryClient={api.queryClient} />;
}

/** What every whole-section story shares: the component, the host's links and callbacks as actions. */
export const sectionMeta = {
  component: StorySection,
  args: {
    links: {
      changePassword: '/settings/security/password',
      signInMethods: '/settings/security/sign-in-methods',
      support: 'https://help.example.com/contact',
    },
    onSignedOut: fn(),
    onUnauthorized: fn(),
  },
  argTypes: {
    client: { control: false },
    queryClient: { control: false },
    strings: { control: false },
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof StorySection>;

type SectionStory = StoryObj<typeof sectionMeta>;

/** A story over `api`: installs its handlers before each run and renders the section on them. */
export function onApi(api: MockedApi): Pick<SectionStory, 'beforeEach' | 'render'> {
  return {
    beforeEach: api.beforeEach,
    render: (args) => <MockedSection {...args} api={api} />,
  };
}

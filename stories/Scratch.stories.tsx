import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, within } from 'storybook/test';
import { createHandlers } from '../mocks';
import { createFetchSessionsClient } from '../src/index';
import { useStoryEnvironment } from './support/environment';

function Probe() {
  const env = useStoryEnvironment();
  const [text, setText] = useState('loading');
  useEffect(() => {
    const controller = new AbortController();
    createFetchSessionsClient({ baseUrl: '/api' })
      .listSessions({ signal: controller.signal })
      .then((r) => setText(r.availability === 'available' ? r.sessions.map((s) => s.device?.browser).join(', ') : r.reason))
      .catch((e) => setText(String(e)));
    return () => controller.abort();
  }, []);
  return (
    <main>
      <h1>{env.locale}</h1>
      <p>{text}</p>
    </main>
  );
}

let handlers: ReturnType<typeof createHandlers>;
const meta = { title: 'Scratch/Probe', component: Probe } satisfies Meta<typeof Probe>;
export default meta;
export const Typical: StoryObj<typeof meta> = {
  beforeEach({ msw }) {
    handlers = createHandlers({ baseUrl: '/api', scenario: 'typical' });
    msw.use(...handlers);
  },
  async play({ canvasElement }) {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Chrome, Edge/)).toBeVisible();
    await expect(handlers.store.requests).toEqual(['GET /sessions']);
  },
};

// Each jsdom run (`unit` on React 19, `unit-react18` on React 18.3) must load exactly one React, the
// one it is named for: a second copy would make every hook call fail, a wrong one would test nothing.
import { describe, expect, it } from 'vitest';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import { render, screen } from '@testing-library/react';

function Greeting() {
  const [text] = useState('hello from one React');
  return <p>{text}</p>;
}

describe('the React of this run', () => {
  it(`should be React ${process.env.EXPECTED_REACT}, with react-dom of the same version`, () => {
    expect(version.split('.')[0]).toBe(process.env.EXPECTED_REACT);
    expect(domVersion).toBe(version);
  });

  it('should be the one Testing Library and the server renderer use', () => {
    render(<Greeting />);
    expect(screen.getByText('hello from one React')).toBeInTheDocument();
    expect(renderToString(<Greeting />)).toContain('hello from one React');
  });
});

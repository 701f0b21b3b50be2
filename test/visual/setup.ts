import { setProjectAnnotations } from '@storybook/react-vite';
import * as preview from '../../.storybook/preview';

// The stories render here as in Storybook: the toolbar's decorator, the MSW loader, the stylesheet.
setProjectAnnotations([preview]);

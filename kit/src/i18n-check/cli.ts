#!/usr/bin/env node
// The active-sessions-i18n-check bin (see main.ts).
import { main } from './main.js';

process.exitCode = main();

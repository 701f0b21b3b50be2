#!/usr/bin/env node
// The active-sessions-contract-check bin (see main.ts and the README of @firstparty/active-sessions-kit).
import { main } from './main.js';

process.exitCode = await main();

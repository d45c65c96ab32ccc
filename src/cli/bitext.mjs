#!/usr/bin/env node
// The `bitext` command: a fixed launcher so that the bin link exists before the first build.
// The TypeScript is compiled to dist/ by `npm install` (the prepare script), not at every start.
import '../../dist/cli/bin.js';

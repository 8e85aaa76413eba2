#!/usr/bin/env node
// The package's command (npx origin-cloud-regions-conformance ...): the suite is TypeScript, run
// through tsx, a dependency of the package.
'use strict';
require('tsx/cjs/api').register();
require('../suite/cli/main.ts');

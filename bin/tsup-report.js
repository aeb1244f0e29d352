#!/usr/bin/env node
// The CLI, bundled into dist/bundle/ by scripts/bundle.mjs: start.cjs loads it through its V8 code cache.
import '../dist/bundle/start.cjs';

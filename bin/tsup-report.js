#!/usr/bin/env node
import { runAsProcess } from '../dist/bundle/main.js';

runAsProcess();

#!/usr/bin/env node
// The `scf` command: runs the TypeScript entry point through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { run } = await import("./main.ts");
process.exitCode = await run(process.argv.slice(2));

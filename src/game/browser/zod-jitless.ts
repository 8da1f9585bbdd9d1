/**
 * Zod compiles fast object parsers with `new Function`, and first probes whether it may,
 * which a Content-Security-Policy without 'unsafe-eval' reports as a violation on every
 * page load. The game's policy forbids eval, so Zod runs without its JIT. Imported first
 * by every browser entry point, before any schema is built. Only Zod's configuration is
 * imported here: the first screen builds no schema, and Zod itself loads with the
 * screens that do.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

/**
 * Gives the process a plain copy of its environment, before anything parses YAML.
 *
 * Node's `process.env` is an exotic object: every read of it calls into the runtime. The
 * `yaml` parser reads `process.env.LOG_TOKENS` once per token, some 20,000 times for the
 * largest library scenario, which was about a third of that file's check. A plain object
 * with the same values is read at ordinary property speed. Imported first by the command
 * line and the benchmarks; the browser build of `yaml` reads no environment.
 */
process.env = { ...process.env };

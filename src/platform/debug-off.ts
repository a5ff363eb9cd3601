// The Worker's stand-in for the `debug` package (pulled in by @grammyjs/auto-retry): a Worker has no
// DEBUG variable to switch it on, so its namespaces are always off. Aliased in wrangler.toml, which
// keeps `debug` and its Node `tty`/`util` imports out of the bundle and out of the isolate's start-up.
interface Debugger {
  (...args: unknown[]): void;
  enabled: boolean;
  namespace: string;
  extend(namespace: string): Debugger;
}

function createDebug(namespace: string): Debugger {
  const log = (() => undefined) as unknown as Debugger;
  log.enabled = false;
  log.namespace = namespace;
  log.extend = (more: string) => createDebug(`${namespace}:${more}`);
  return log;
}

createDebug.debug = createDebug;
createDebug.enabled = (_namespace: string) => false;
createDebug.enable = (_namespaces: string) => undefined;
createDebug.disable = () => '';

export default createDebug;
export { createDebug as debug };

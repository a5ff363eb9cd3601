// The Cloudflare Workers entry. The environment is parsed at the module's top level, from the isolate's
// bindings (platform/worker-handler.ts: startBoot); the handlers boot the rest on the first request.
import { env } from 'cloudflare:workers';
import { startBoot, worker } from './platform/worker-handler';

startBoot(env as Record<string, string | undefined>);

export default worker;

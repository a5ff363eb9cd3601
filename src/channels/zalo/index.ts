// The Zalo Official Account channel: webhook route, sender, tick step, CLI command, status, fallback.
export { zaloRoutes, ZALO_BODY_LIMIT } from './routes';
export { createZaloSender, type ZaloSenderDeps } from './sender';
export { zaloTick } from './tick';
export { zaloCommand } from './command';
export { zaloStatus } from './status';
export { seedZaloTokens, refreshZaloTokens, readZaloTokens, setZaloTokens } from './tokens';
export { zaloVerificationMeta } from './verification';
export { zaloFallback } from './fallback';
export { processZaloEvent } from './process';
export { zaloSignature } from './signature';

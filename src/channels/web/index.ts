// The web chat channel: the /chat router, its sender and the demo officer identity.
export { webChatRoutes, type WebChatOptions } from './routes';
export { createWebSender } from './sender';
export { WEB_DEMO_OFFICER } from './demo';
export { loadTranscript, type TranscriptItem } from './transcript';

// The Hono class every router here is made with: Hono's `tiny` preset (PatternRouter), made for
// environments that start often. The default `Hono` (SmartRouter over RegExpRouter and TrieRouter)
// builds one large regular expression from every route on its first match: work a fresh Worker
// isolate pays in its first request. PatternRouter keeps a small pattern per route and tries them in
// order; with the dozen routes of the main app that costs nothing measurable per request.
// Measured (3 Dec, session 8, instruction counts of a fresh isolate's /start in Node): −5 M of
// ~175 M; the bundle loses the two routers it no longer uses. One class for all routers:
// createApp tells a router from a router factory with `instanceof Hono`.
export { Hono } from 'hono/tiny';

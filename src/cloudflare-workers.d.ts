// The one part of workerd's `cloudflare:workers` module the Worker uses: the isolate's bindings,
// importable at the top level (src/worker.ts). Vars and secrets are strings.
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
}

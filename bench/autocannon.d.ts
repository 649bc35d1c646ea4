/** The part of autocannon (which ships no types) that bench/load.ts uses. */
declare module 'autocannon' {
  interface Request { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (request: Request) => Request }
  interface Options { url: string; connections?: number; duration?: number; requests?: Request[]; headers?: Record<string, string> }
  interface Histogram { average: number; p50: number; p99: number; max: number }
  interface Result { requests: Histogram & { total: number }; latency: Histogram; errors: number; timeouts: number; non2xx: number; statusCodeStats: Record<string, { count: number }> }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}

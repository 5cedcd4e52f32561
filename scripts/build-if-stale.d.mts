export function buildIfStale(opts?: { quiet?: boolean }): boolean;

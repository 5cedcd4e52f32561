export function buildIfStale(opts?: { quiet?: boolean }): boolean;
export function buildWebIfStale(opts?: { quiet?: boolean }): boolean;

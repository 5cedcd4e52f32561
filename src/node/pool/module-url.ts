// job modules are addressed by URL; when running from TypeScript sources (tests, tsx) the sibling file is .ts

/** resolves `relative` (written with a .js extension) against `base`, switching to .ts when base is a .ts file */
export function moduleUrl(relative: string, base: string): URL {
  const url = new URL(relative, base);
  if (base.endsWith('.ts') && url.pathname.endsWith('.js')) url.pathname = `${url.pathname.slice(0, -3)}.ts`;
  return url;
}

/** true when this code runs from .ts sources, so worker threads need the tsx loader */
export function runningFromSource(): boolean {
  return import.meta.url.endsWith('.ts');
}

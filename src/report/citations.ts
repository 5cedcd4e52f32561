// DOM-id-safe anchors for sources and scenarios (ids are kebab-case already; this guards user input). Which sources
// a report cites is read off its document tree (blocks.ts, citedIds), so every citation resolves.

export const sourceAnchor = (id: string): string => `src-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
export const scenarioAnchor = (id: string): string => `scenario-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

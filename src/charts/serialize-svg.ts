// SVG text from a chart element, in the browser or under JSDOM: XML serialisation, so the result is a valid
// standalone .svg (xmlns, escaped text, self-closed empty elements)

export function serializeSvg(el: Element): string {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg');
  if (!svg) throw new Error('serializeSvg: the element contains no <svg>');
  return new Serializer().serializeToString(svg);
}

/** a data: URL for an <img> or markdown image; base64 so any character in titles survives */
export function svgDataUrl(svgText: string): string {
  const bytes = new TextEncoder().encode(svgText);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(bin)}`;
}

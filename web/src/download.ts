// client-side downloads: tables as CSV/JSON, charts as SVG/PNG (PNG drawn through a canvas)

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return (
    [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join(
      '\r\n',
    ) + '\r\n'
  );
}

export function saveCsv(filename: string, columns: string[], rows: Record<string, unknown>[]): void {
  saveBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

export function saveJson(filename: string, value: unknown): void {
  saveBlob(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), filename);
}

/** serialises an SVG with the namespaces and computed font so it renders the same outside the page */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  if (!clone.getAttribute('font-family')) clone.setAttribute('font-family', 'system-ui, sans-serif');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function saveSvg(svg: SVGSVGElement, filename: string): void {
  saveBlob(new Blob([svgText(svg)], { type: 'image/svg+xml' }), filename);
}

export async function savePng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const box = svg.getBoundingClientRect();
  const w = Math.ceil(Number(svg.getAttribute('width')) || box.width || 640);
  const h = Math.ceil(Number(svg.getAttribute('height')) || box.height || 400);
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = w;
    img.height = h;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = w * scale;
    canvas.height = h * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas in this browser');
    g.fillStyle = '#fff'; // a transparent PNG is unreadable in dark viewers
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (!blob) throw new Error('the PNG could not be encoded');
    saveBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'export';

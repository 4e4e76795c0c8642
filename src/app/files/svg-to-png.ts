/**
 * A standalone SVG drawn into a PNG: the SVG text as a blob: URL loaded by an Image, drawn on a
 * canvas at `scale` × its size (2×: sharp on high-density screens and in slides), encoded as PNG.
 * The page's Content-Security-Policy allows images from blob: URLs (img-src 'self' data: blob:);
 * an SVG image from a blob: URL of the page's own origin does not taint the canvas.
 */

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the chart could not be read back as an image'));
    img.src = url;
  });
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  if (!(width > 0) || !(height > 0)) throw new RangeError(`an image needs a positive size (got ${width} × ${height})`);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

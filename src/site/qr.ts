/** QR codes as inline SVG, made at build time (no request leaves the page). */
import QRCode from 'qrcode';

/** An SVG QR code for a URL, with a title for screen readers. */
export async function qrSvg(url: string, title: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
  return svg.replace('<svg ', `<svg role="img" aria-label="${title.replace(/"/g, '&quot;')}" class="qr" `);
}

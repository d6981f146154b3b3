import { Path, Svg } from "@react-pdf/renderer";
import QRCode from "qrcode";

/**
 * A QR code drawn as vector squares rather than a bitmap, so it stays sharp on any printer. Medium error
 * correction survives a crease or a smudge. Phone cameras want 4 modules of white round the code: 2 are
 * drawn here, the rest is the page round it (the margin, and the gap to the caption beside it — see
 * shareCorner), so more of a small printed square goes to modules.
 */
export function QrCode({ url, size }: { url: string; size: number }) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const quiet = 2;
  let d = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const extent = modules.size + quiet * 2;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${extent} ${extent}`}>
      <Path d={d} fill="#000000" />
    </Svg>
  );
}

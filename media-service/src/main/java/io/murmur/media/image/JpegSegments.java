package io.murmur.media.image;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A JPEG's metadata removed without decoding it, as {@code jpegtran -copy none} does: the
 * frame, tables, scans and their compressed data are copied as they are, so the pixels
 * are exactly the upload's, with no second round of lossy compression; every application
 * segment (EXIF and GPS in APP1, XMP, ICC in APP2, IPTC in APP13, makers' own) and every
 * comment is dropped, and so is anything after the end of the image. A fresh minimal JFIF
 * header (no thumbnail) replaces the upload's, and the Adobe segment is kept (its 12
 * bytes tell a decoder how the colours are stored, and hold nothing about the photo).
 */
final class JpegSegments {

	private static final int SOI = 0xD8;

	private static final int EOI = 0xD9;

	private static final int SOS = 0xDA;

	private static final int APP0 = 0xE0;

	private static final int APP14 = 0xEE;

	private static final int APP15 = 0xEF;

	private static final int COM = 0xFE;

	private static final int TEM = 0x01;

	private static final byte[] JFIF = { (byte) 0xFF, (byte) APP0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0,
			0 };

	private JpegSegments() {
	}

	/**
	 * The JPEG without its metadata.
	 * @param jpeg a JPEG that decodes whole
	 * @return the same image without metadata, or empty when its structure is not the
	 * plain sequence of segments this copies (the caller re-encodes it then)
	 */
	static Optional<byte[]> withoutMetadata(byte[] jpeg) {
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
			return Optional.empty();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		out.write(0xFF);
		out.write(SOI);
		out.writeBytes(JFIF);
		int at = 2;
		while (at < jpeg.length) {
			if ((jpeg[at] & 0xFF) != 0xFF) {
				return Optional.empty();
			}
			while (at < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
				at++;
			}
			if (at >= jpeg.length) {
				return Optional.empty();
			}
			int marker = jpeg[at++] & 0xFF;
			if (marker == EOI) {
				out.write(0xFF);
				out.write(EOI);
				return Optional.of(out.toByteArray());
			}
			if (marker == SOI || marker == TEM || (marker >= 0xD0 && marker <= 0xD7) || at + 2 > jpeg.length) {
				return Optional.empty();
			}
			int length = ((jpeg[at] & 0xFF) << 8) | (jpeg[at + 1] & 0xFF);
			int end = at + length;
			if (length < 2 || end > jpeg.length) {
				return Optional.empty();
			}
			boolean metadata = marker == COM
					|| (marker >= APP0 && marker <= APP15 && !isAdobe(jpeg, marker, at, length));
			if (!metadata) {
				out.write(0xFF);
				out.write(marker);
				out.write(jpeg, at, length);
			}
			at = end;
			if (marker == SOS) {
				int data = scanEnd(jpeg, at);
				out.write(jpeg, at, data - at);
				at = data;
			}
		}
		return Optional.empty();
	}

	/**
	 * Where a scan's compressed data ends: at the first marker that is neither a stuffed
	 * {@code FF00} nor a restart marker.
	 */
	private static int scanEnd(byte[] jpeg, int from) {
		int at = from;
		while (at + 1 < jpeg.length) {
			if ((jpeg[at] & 0xFF) == 0xFF) {
				int next = jpeg[at + 1] & 0xFF;
				if (next != 0 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
					return at;
				}
			}
			at++;
		}
		return jpeg.length;
	}

	private static boolean isAdobe(byte[] jpeg, int marker, int at, int length) {
		return marker == APP14 && length >= 14 && jpeg[at + 2] == 'A' && jpeg[at + 3] == 'd' && jpeg[at + 4] == 'o'
				&& jpeg[at + 5] == 'b' && jpeg[at + 6] == 'e';
	}

}

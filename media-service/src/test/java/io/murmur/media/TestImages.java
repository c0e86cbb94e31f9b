package io.murmur.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Images made for the tests, byte by byte where the point is what their headers and
 * metadata say.
 */
public final class TestImages {

	/** The camera make written into photos' EXIF. */
	public static final String CAMERA_MAKE = "MurmurCam";

	private TestImages() {
	}

	/**
	 * A picture with some structure (a gradient and shapes), so that it compresses like a
	 * photo and its blurhash is not flat.
	 * @param width its width
	 * @param height its height
	 * @param alpha whether it has an alpha channel (half transparent in a corner)
	 * @return the image
	 */
	public static BufferedImage picture(int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(240, 180, 40)));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(200, 30, 60));
		graphics.fillOval(width / 4, height / 4, width / 3, height / 3);
		if (alpha) {
			graphics.setComposite(java.awt.AlphaComposite.Clear);
			graphics.fillRect(0, 0, width / 5, height / 5);
		}
		graphics.dispose();
		return image;
	}

	/**
	 * A JPEG photo whose EXIF carries a camera make, an orientation and a GPS position,
	 * and which has a comment, as a phone's photo would.
	 * @param width its stored width
	 * @param height its stored height
	 * @param orientation the EXIF orientation, 1 to 8
	 * @return the JPEG
	 */
	public static byte[] photoWithExif(int width, int height, int orientation) {
		byte[] jpeg = encode(picture(width, height, false), "jpeg");
		byte[] exif = exif(orientation);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		writeSegment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif));
		writeSegment(out, 0xFE, "Shot at home".getBytes(StandardCharsets.US_ASCII));
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A JPEG without metadata.
	 */
	public static byte[] jpeg(int width, int height) {
		return encode(picture(width, height, false), "jpeg");
	}

	/**
	 * A PNG with transparency.
	 */
	public static byte[] pngWithAlpha(int width, int height) {
		return encode(picture(width, height, true), "png");
	}

	/**
	 * A PNG whose header declares a huge image while the file is a few hundred bytes: a
	 * decompression bomb, which would take gigabytes once decoded.
	 * @param width the declared width
	 * @param height the declared height
	 * @return the PNG
	 */
	public static byte[] pngBomb(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
		header.put((byte) 0).put((byte) 0).put((byte) 0);
		writeChunk(out, "IHDR", header.array());
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[64 * 1024]);
		deflater.finish();
		byte[] compressed = new byte[1024];
		int length = deflater.deflate(compressed);
		writeChunk(out, "IDAT", Arrays.copyOf(compressed, length));
		writeChunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/**
	 * An animated GIF of two frames with a comment and an XMP block.
	 */
	public static byte[] animatedGifWithMetadata(int width, int height) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			writer.prepareWriteSequence(null);
			writer.writeToSequence(new IIOImage(picture(width, height, false), null, null), null);
			BufferedImage second = picture(width, height, false);
			Graphics2D graphics = second.createGraphics();
			graphics.setColor(Color.GREEN);
			graphics.fillRect(0, 0, width / 2, height / 2);
			graphics.dispose();
			writer.writeToSequence(new IIOImage(second, null, null), null);
			writer.endWriteSequence();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		byte[] gif = bytes.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(gif, 0, gif.length - 1);
		byte[] comment = "Shot at home".getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(new byte[] { 0x21, (byte) 0xFE, (byte) comment.length });
		out.writeBytes(comment);
		out.write(0);
		byte[] xmp = "<x:xmpmeta>GPS 52.37N</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(new byte[] { 0x21, (byte) 0xFF, 11 });
		out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.US_ASCII));
		out.write(xmp.length);
		out.writeBytes(xmp);
		out.write(0);
		out.write(0x3B);
		return out.toByteArray();
	}

	/** The first part of a JPEG, as a broken upload leaves it. */
	public static byte[] truncated(byte[] jpeg) {
		return Arrays.copyOf(jpeg, jpeg.length / 2);
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A little-endian TIFF structure: IFD0 with Make, Orientation and a GPS IFD pointer;
	 * the GPS IFD with a latitude.
	 */
	private static byte[] exif(int orientation) {
		byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
		int ifd0 = 8;
		int ifd0Size = 2 + 3 * 12 + 4;
		int makeOffset = ifd0 + ifd0Size;
		int gpsOffset = makeOffset + make.length;
		int gpsSize = 2 + 2 * 12 + 4;
		int latitudeOffset = gpsOffset + gpsSize;
		ByteBuffer tiff = ByteBuffer.allocate(latitudeOffset + 24).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
		tiff.putShort((short) 3);
		entry(tiff, 0x010F, 2, make.length, makeOffset);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(tiff, 0x8825, 4, 1, gpsOffset);
		tiff.putInt(0);
		tiff.put(make);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(tiff, 0x0002, 5, 3, latitudeOffset);
		tiff.putInt(0);
		tiff.putInt(52).putInt(1).putInt(22).putInt(1).putInt(1234).putInt(100);
		return tiff.array();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		int length = data.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(data);
	}

	private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}

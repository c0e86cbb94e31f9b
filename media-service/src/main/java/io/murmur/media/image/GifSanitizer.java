package io.murmur.media.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes every metadata block from a GIF without touching its frames, so that an
 * animated GIF stays animated, frame for frame: comment extensions and application
 * extensions (XMP, ICC and any other) are dropped; the header, colour tables, graphic
 * control extensions (frame delays, transparency), image data and the loop extension are
 * kept.
 */
final class GifSanitizer {

	private static final Set<String> KEPT_APPLICATIONS = Set.of("NETSCAPE2.0", "ANIMEXTS1.0");

	private final byte[] gif;

	private final ByteArrayOutputStream out;

	private int position;

	private int frames;

	private GifSanitizer(byte[] gif) {
		this.gif = gif;
		this.out = new ByteArrayOutputStream(gif.length);
	}

	/**
	 * The GIF without its metadata.
	 * @param gif a GIF's bytes
	 * @return the sanitized GIF and how many frames it has
	 * @throws CorruptImageException when the GIF is truncated or malformed
	 */
	static Result sanitize(byte[] gif) {
		GifSanitizer sanitizer = new GifSanitizer(gif);
		sanitizer.run();
		return new Result(sanitizer.out.toByteArray(), sanitizer.frames);
	}

	private void run() {
		String signature = new String(take(6), StandardCharsets.US_ASCII);
		if (!signature.equals("GIF87a") && !signature.equals("GIF89a")) {
			throw new CorruptImageException("not a GIF");
		}
		byte[] screen = take(7);
		this.out.writeBytes(signature.getBytes(StandardCharsets.US_ASCII));
		this.out.writeBytes(screen);
		copyColorTable(screen[4]);
		while (true) {
			int block = next();
			switch (block) {
				case 0x2C -> copyImage();
				case 0x21 -> extension();
				case 0x3B -> {
					if (this.frames == 0) {
						throw new CorruptImageException("no frame");
					}
					this.out.write(0x3B);
					return;
				}
				default -> throw new CorruptImageException("unknown block " + block);
			}
		}
	}

	private void copyImage() {
		byte[] descriptor = take(9);
		this.out.write(0x2C);
		this.out.writeBytes(descriptor);
		copyColorTable(descriptor[8]);
		this.out.write(next());
		copySubBlocks();
		this.frames++;
	}

	private void extension() {
		int label = next();
		if (label == 0xF9 || label == 0x01) {
			this.out.write(0x21);
			this.out.write(label);
			copySubBlocks();
			return;
		}
		if (label == 0xFF) {
			int start = this.position;
			int length = next();
			String application = new String(take(length), StandardCharsets.US_ASCII);
			if (KEPT_APPLICATIONS.contains(application)) {
				this.out.write(0x21);
				this.out.write(label);
				this.out.write(this.gif, start, this.position - start);
				copySubBlocks();
				return;
			}
		}
		skipSubBlocks();
	}

	private void copyColorTable(byte packed) {
		if ((packed & 0x80) != 0) {
			this.out.writeBytes(take(3 * (1 << ((packed & 0x07) + 1))));
		}
	}

	private void copySubBlocks() {
		int start = this.position;
		skipSubBlocks();
		this.out.write(this.gif, start, this.position - start);
	}

	private void skipSubBlocks() {
		int size;
		while ((size = next()) != 0) {
			take(size);
		}
	}

	private int next() {
		if (this.position >= this.gif.length) {
			throw new CorruptImageException("truncated");
		}
		return this.gif[this.position++] & 0xff;
	}

	private byte[] take(int length) {
		if (this.position + length > this.gif.length) {
			throw new CorruptImageException("truncated");
		}
		byte[] bytes = java.util.Arrays.copyOfRange(this.gif, this.position, this.position + length);
		this.position += length;
		return bytes;
	}

	/**
	 * A sanitized GIF.
	 *
	 * @param gif its bytes
	 * @param frames how many frames it has; more than one means animated
	 */
	record Result(byte[] gif, int frames) {

	}

}

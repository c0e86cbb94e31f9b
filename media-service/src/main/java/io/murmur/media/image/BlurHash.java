package io.murmur.media.image;

import java.awt.image.BufferedImage;

/**
 * The <a href="https://blurha.sh">BlurHash</a> of an image: a few DCT components of its
 * colours in linear light, packed as base-83 text, that a client paints as a blurred
 * placeholder while the image loads. Written here because no maintained implementation is
 * published on Maven Central; it follows the reference encoder (woltapp/blurhash's C and
 * TypeScript ones) and is tested against hashes that reference computes.
 */
public final class BlurHash {

	private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

	private static final double[] SRGB_TO_LINEAR = new double[256];

	static {
		for (int i = 0; i < 256; i++) {
			double value = i / 255.0;
			SRGB_TO_LINEAR[i] = (value <= 0.04045) ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
		}
	}

	private BlurHash() {
	}

	/**
	 * Encodes an image.
	 * @param image the image, small for speed (every pixel is visited once per component)
	 * @param componentsX horizontal components, 1 to 9
	 * @param componentsY vertical components, 1 to 9
	 * @return the hash
	 */
	public static String encode(BufferedImage image, int componentsX, int componentsY) {
		if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9) {
			throw new IllegalArgumentException("Components must be between 1 and 9");
		}
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		double[][] factors = new double[componentsX * componentsY][];
		for (int y = 0; y < componentsY; y++) {
			for (int x = 0; x < componentsX; x++) {
				factors[y * componentsX + x] = basis(pixels, width, height, x, y);
			}
		}
		double[] dc = factors[0];
		StringBuilder hash = new StringBuilder();
		append(hash, (componentsX - 1) + (componentsY - 1) * 9, 1);
		double maximum = 0;
		for (int i = 1; i < factors.length; i++) {
			for (double value : factors[i]) {
				maximum = Math.max(maximum, Math.abs(value));
			}
		}
		int quantisedMaximum = 0;
		if (factors.length > 1) {
			quantisedMaximum = (int) Math.max(0, Math.min(82, Math.floor(maximum * 166 - 0.5)));
			maximum = (quantisedMaximum + 1) / 166.0;
		}
		else {
			maximum = 1;
		}
		append(hash, quantisedMaximum, 1);
		append(hash, encodeDc(dc), 4);
		for (int i = 1; i < factors.length; i++) {
			append(hash, encodeAc(factors[i], maximum), 2);
		}
		return hash.toString();
	}

	private static double[] basis(int[] pixels, int width, int height, int componentX, int componentY) {
		double[] cosX = new double[width];
		for (int x = 0; x < width; x++) {
			cosX[x] = Math.cos(Math.PI * componentX * x / width);
		}
		double r = 0;
		double g = 0;
		double b = 0;
		double normalisation = (componentX == 0 && componentY == 0) ? 1 : 2;
		for (int y = 0; y < height; y++) {
			double cosY = normalisation * Math.cos(Math.PI * componentY * y / height);
			for (int x = 0; x < width; x++) {
				double basis = cosX[x] * cosY;
				int pixel = pixels[y * width + x];
				r += basis * SRGB_TO_LINEAR[(pixel >> 16) & 0xff];
				g += basis * SRGB_TO_LINEAR[(pixel >> 8) & 0xff];
				b += basis * SRGB_TO_LINEAR[pixel & 0xff];
			}
		}
		double scale = 1.0 / (width * height);
		return new double[] { r * scale, g * scale, b * scale };
	}

	private static int encodeDc(double[] value) {
		return (linearToSrgb(value[0]) << 16) + (linearToSrgb(value[1]) << 8) + linearToSrgb(value[2]);
	}

	private static int encodeAc(double[] value, double maximum) {
		int r = quantise(value[0] / maximum);
		int g = quantise(value[1] / maximum);
		int b = quantise(value[2] / maximum);
		return r * 19 * 19 + g * 19 + b;
	}

	private static int quantise(double value) {
		return (int) Math.max(0, Math.min(18, Math.floor(signPow(value, 0.5) * 9 + 9.5)));
	}

	private static double signPow(double value, double exponent) {
		return Math.copySign(Math.pow(Math.abs(value), exponent), value);
	}

	private static int linearToSrgb(double value) {
		double v = Math.max(0, Math.min(1, value));
		return (v <= 0.0031308) ? (int) (v * 12.92 * 255 + 0.5)
				: (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
	}

	private static void append(StringBuilder hash, int value, int length) {
		for (int i = 1; i <= length; i++) {
			int digit = (value / (int) Math.pow(83, length - i)) % 83;
			hash.append(DIGITS.charAt(digit));
		}
	}

}

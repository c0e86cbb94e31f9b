package io.murmur.media.image;

import java.awt.image.BufferedImage;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The encoder against hashes computed by woltapp's reference encoder, {@code blurhash}
 * 2.0.5 from the npm registry, for images made by the same formulas
 * ({@code encode(pixels, width, height, componentsX, componentsY)}). That TypeScript
 * encoder scales the AC components by their largest signed value where woltapp's C
 * encoder (and this one) takes the largest absolute value; the images are chosen so that
 * the largest component is positive, where both agree.
 */
class BlurHashTests {

	@Test
	void shouldEncodeAGradientAsTheReferenceDoes() {
		BufferedImage gradient = image(64, 48,
				(x, y) -> rgb(255 - x * 255 / 63, 255 - y * 255 / 47, (x * 7 + y * 13) % 256));

		assertThat(BlurHash.encode(gradient, 4, 3)).isEqualTo("L-HetV|u$5w]q8j@juj@gcfhfQfg");
		assertThat(BlurHash.encode(gradient, 9, 9)).isEqualTo(
				"|-HetV|u$5w]sTspo1oLo0q8j@juj@fPfjfPfifRgcfhfQfgfPflfQfjfPo{jtjujtfOfQfPfPfRg1fNfRfLfOfSfPfRfPoujsjqjqfVfSfSfPfSf~fSfPfUfSfOfRfPfQoejtjsjsfQfPfPfOfRf$fRfPfSfSfPfRfPfP");
	}

	@Test
	void shouldEncodeStripesAndBlocksAsTheReferenceDoes() {
		BufferedImage stripes = image(40, 30,
				(x, y) -> rgb(((x / 8) % 2 == 1) ? 20 : 230, 120, ((y / 6) % 2 == 1) ? 40 : 200));
		BufferedImage blocks = image(48, 32,
				(x, y) -> rgb((x < 24) ? 240 : 30, (x < 24) ? 220 : 40, (y < 16) ? 200 : 60));

		assertThat(BlurHash.encode(stripes, 4, 3)).isEqualTo("LTLB@vs;|cs;xHjto1jtfYfRfQfR");
		assertThat(BlurHash.encode(blocks, 4, 3)).isEqualTo("L~KT[5~iodIaoloefQa#fSfQfQfQ");
	}

	@Test
	void shouldEncodeAFlatColourAsItsAverageOnly() {
		assertThat(BlurHash.encode(image(10, 10, (x, y) -> rgb(255, 0, 0)), 1, 1)).isEqualTo("00TI:j");
	}

	@Test
	void shouldRefuseComponentCountsOutsideOneToNine() {
		BufferedImage image = image(4, 4, (x, y) -> 0);
		assertThatIllegalArgumentException().isThrownBy(() -> BlurHash.encode(image, 0, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> BlurHash.encode(image, 4, 10));
	}

	private static BufferedImage image(int width, int height, BiFunction<Integer, Integer, Integer> pixel) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, pixel.apply(x, y));
			}
		}
		return image;
	}

	private static int rgb(int r, int g, int b) {
		return (r << 16) | (g << 8) | b;
	}

}

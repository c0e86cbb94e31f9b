package io.murmur.media.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.murmur.media.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GifSanitizerTests {

	@Test
	void shouldDropCommentsAndApplicationBlocksButKeepFramesAndTheLoop() {
		byte[] gif = TestImages.animatedGifWithMetadata(40, 30);

		GifSanitizer.Result result = GifSanitizer.sanitize(gif);

		String text = new String(result.gif(), StandardCharsets.ISO_8859_1);
		assertThat(result.frames()).isEqualTo(2);
		assertThat(text).doesNotContain("XMP DataXMP").doesNotContain("Shot at home");
		assertThat(text).startsWith("GIF89a");
		assertThat(result.gif()[result.gif().length - 1]).isEqualTo((byte) 0x3B);
		assertThat(result.gif().length).isLessThan(gif.length);
	}

	@Test
	void shouldRefuseATruncatedGif() {
		byte[] gif = TestImages.animatedGifWithMetadata(40, 30);

		assertThatExceptionOfType(CorruptImageException.class)
			.isThrownBy(() -> GifSanitizer.sanitize(Arrays.copyOf(gif, gif.length / 2)));
	}

}

package io.murmur.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * media-service's base image ({@code deploy/images/media-runtime}) holds the libraries
 * its FFmpeg loads: the same packages the build and {@code ./platform} install on a
 * developer's machine, on the same JRE image the other services run on, and the images
 * build makes media-service from it.
 */
class MediaRuntimeImageTests {

	private static final Pattern PACKAGES = Pattern.compile("MURMUR_FFMPEG_PACKAGES=\\(([^)]*)\\)");

	private static final Pattern INSTALL = Pattern.compile("--no-install-recommends\\s*\\\\?\\s*([^&]+)&&");

	@Test
	void shouldInstallTheLibrariesFfmpegLoadsOnTheServicesJre() throws IOException {
		String dockerfile = Files.readString(Repository.ROOT.resolve("deploy/images/media-runtime/Dockerfile"));
		String packagesScript = Files.readString(Repository.ROOT.resolve(".ci/debian-packages.sh"));
		String pom = Files.readString(Repository.ROOT.resolve("pom.xml"));

		List<String> required = words(group(PACKAGES, packagesScript));
		List<String> installed = words(group(INSTALL, dockerfile).replace("\\", " "));
		assertThat(required).isNotEmpty();
		assertThat(installed).containsExactlyInAnyOrderElementsOf(required);

		// the images profile's, after the stand-in the build uses without a registry
		String jre = Pattern.compile("<murmur.image.base>([^<]+)</murmur.image.base>")
			.matcher(pom)
			.results()
			.map((result) -> result.group(1))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(dockerfile).containsPattern("(?m)^FROM " + Pattern.quote(jre) + "$");
		String mediaBase = group(Pattern.compile("<murmur.media.image.base>docker://([^<]+)</murmur.media.image.base>"),
				pom);
		assertThat(dockerfile).as("the build command it documents").contains("docker build -t " + mediaBase + " ");
		assertThat(Files.readString(Repository.ROOT.resolve("media-service/pom.xml")))
			.contains("<image>${murmur.media.image.base}</image>");
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.trim().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

}

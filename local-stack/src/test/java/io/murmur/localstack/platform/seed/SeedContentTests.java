package io.murmur.localstack.platform.seed;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedContentTests {

	@Test
	void shouldWriteVariedPostsThatFitTheLimitAndAreTheSameOnEveryRun() {
		Set<String> texts = new HashSet<>();
		IntStream.range(0, 200).forEach((node) -> IntStream.range(0, 3).forEach((index) -> {
			String text = SeedContent.post(node, index, "reed_123456789");
			assertThat(text.codePointCount(0, text.length())).isBetween(1, 280);
			assertThat(text).isEqualTo(SeedContent.post(node, index, "reed_123456789"));
			assertThat(Character.isUpperCase(text.charAt(0)) || text.startsWith("@")).isTrue();
			texts.add(text);
		}));

		assertThat(texts).hasSizeGreaterThan(400);
		assertThat(texts).anyMatch((text) -> text.contains("#")).anyMatch((text) -> text.contains("@reed_123456789"));
	}

	@Test
	void shouldGivePeopleDifferentNamesThatStayTheSame() {
		Set<String> names = new HashSet<>();
		IntStream.range(0, 100).forEach((node) -> names.add(SeedContent.displayName(node)));

		assertThat(names).hasSizeGreaterThan(80).allMatch((name) -> name.matches("[A-Z][a-z]+ [A-Z][a-z]+"));
		assertThat(SeedContent.displayName(7)).isEqualTo(SeedContent.displayName(7));
	}

}

package io.murmur.post.post;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFeaturesTests {

	@Test
	void shouldCountCodePointsAfterNfc() {
		assertThat(TextFeatures.length(TextFeatures.normalize("e\u0301"))).isEqualTo(1);
		assertThat(TextFeatures.length(TextFeatures.normalize("\uD83D\uDE00"))).isEqualTo(1);
		assertThat(TextFeatures.length(TextFeatures.normalize("abc"))).isEqualTo(3);
	}

	@Test
	void shouldExtractDistinctMentionsButNotEmailAddresses() {
		assertThat(TextFeatures.mentions("hi @Alice, @bob_1 and @alice again; mail me@example.com @x @ab"))
			.containsExactly("alice", "bob_1");
	}

	@Test
	void shouldExtractDistinctLowerCaseHashtags() {
		assertThat(TextFeatures.hashtags("#Java and #java, #Spring_Boot #42 a#b &#x27; #café")).containsExactly("java",
				"spring_boot", "café");
	}

}

package io.murmur.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTests {

	@Test
	void shouldNameOneDeadLetterTopicPerTopicAndConsumerGroup() {
		assertThat(Topics.deadLetter(Topics.POST, "feed-service")).isEqualTo("murmur.post.v1.feed-service.dlt");
		assertThat(Topics.deadLetter(Topics.POST, "search-service")).isEqualTo("murmur.post.v1.search-service.dlt");
	}

	@Test
	void shouldRefuseAGroupThatCannotBePartOfATopicName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(Topics.POST, "feed service"));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(Topics.POST, "fëed"));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(Topics.POST, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(Topics.POST, "g".repeat(240)));
	}

}

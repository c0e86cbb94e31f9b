package io.murmur.feed.read;

import org.junit.jupiter.api.Test;

import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.support.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Feed cursors round-trip, and anything else is refused as a bad request.
 */
class FeedCursorTests {

	@Test
	void shouldRoundTripAPosition() {
		Position position = new Position(1_763_700_000_123L, 742_123_456_789_012_345L);
		assertThat(FeedCursor.parse(FeedCursor.of(position))).isEqualTo(position);
		assertThat(FeedCursor.parse(null)).isNull();
	}

	@Test
	void shouldRefuseWhatIsNotACursorOfThisFeed() {
		for (String bad : new String[] { "abc", "%%%", "ZjE6eDp5", "ZjI6MTox", "ZjE6LTE6MQ", "ZjE6MTow" }) {
			assertThatExceptionOfType(ProblemException.class).as(bad).isThrownBy(() -> FeedCursor.parse(bad));
		}
	}

}

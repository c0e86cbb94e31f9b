package io.murmur.post.timeline;

import org.junit.jupiter.api.Test;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorsTests {

	@Test
	void shouldRoundTripTimelinePositions() {
		Cursors.TimelinePosition position = Cursors.timeline(Cursors.timeline(202503, 123456789L));
		assertThat(position).isEqualTo(new Cursors.TimelinePosition(202503, 123456789L));
		assertThat(Cursors.timeline((String) null)).isNull();
	}

	@Test
	void shouldRoundTripReplyPositions() {
		assertThat(Cursors.replies(Cursors.replies(42L))).isEqualTo(42L);
		assertThat(Cursors.replies((String) null)).isNull();
	}

	@Test
	void shouldRefuseCursorsItDidNotIssue() {
		for (String cursor : new String[] { "!!!", "bm9wZQ", Cursors.replies(5L), "dDE6eDox", "dDE6MjAyNTAxOi0x" }) {
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Cursors.timeline(cursor))
				.satisfies((ex) -> assertThat(ex.getType()).isEqualTo(CommonProblem.MALFORMED_REQUEST));
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Cursors.replies(Cursors.timeline(1, 2)));
	}

}

package io.murmur.benchmarks.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpreadTests {

	@Test
	void shouldTakeTheMiddleValueOfAnOddCount() {
		Spread spread = Spread.of(List.of(9.0, 1.0, 5.0, 3.0, 7.0));
		assertThat(spread.median()).isEqualTo(5);
		assertThat(spread.min()).isEqualTo(1);
		assertThat(spread.max()).isEqualTo(9);
		assertThat(spread.q1()).isEqualTo(3);
		assertThat(spread.q3()).isEqualTo(7);
		assertThat(spread.values()).containsExactly(9.0, 1.0, 5.0, 3.0, 7.0);
	}

	@Test
	void shouldInterpolateBetweenTheMiddleValuesOfAnEvenCount() {
		assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
	}

	@Test
	void shouldRefuseNoValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> Spread.of(List.of()));
	}

}

package io.murmur.benchmarks.graph;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PowerLawGraphTests {

	private static FollowGraph graph;

	@BeforeAll
	static void generateDefault() {
		graph = PowerLawGraph.DEFAULT.generate();
	}

	@Nested
	class Determinism {

		@Test
		void shouldGiveTheSameGraphForTheSameSeed() {
			assertThat(new PowerLawGraph(20_000, 10, 0.8, 7).generate())
				.isEqualTo(new PowerLawGraph(20_000, 10, 0.8, 7).generate());
		}

		@Test
		void shouldGiveAnotherGraphForAnotherSeed() {
			assertThat(new PowerLawGraph(20_000, 10, 0.8, 7).generate())
				.isNotEqualTo(new PowerLawGraph(20_000, 10, 0.8, 8).generate());
		}

	}

	@Nested
	class Shape {

		@Test
		void shouldHaveAtLeastOneHundredThousandUsers() {
			assertThat(graph.users()).isGreaterThanOrEqualTo(100_000);
			assertThat(graph.edges()).isGreaterThan(900_000);
		}

		@Test
		void shouldHaveAHeavyTailedFollowerDistribution() {
			DegreeSummary summary = graph.degreeSummary(10_000);
			assertThat(summary.maxFollowers()).isGreaterThan(1_000 * Math.max(1, summary.medianFollowers()));
			assertThat(summary.p99Followers()).isGreaterThan(10 * Math.max(1, summary.medianFollowers()));
			assertThat(summary.top1PercentShare()).isGreaterThan(0.3);
		}

		@Test
		void shouldHaveCelebritiesAboveTheDefaultThreshold() {
			assertThat(graph.celebrities(10_000)).isNotEmpty();
			assertThat(graph.degreeSummary(10_000).celebrities()).isEqualTo(graph.celebrities(10_000).length);
		}

		@Test
		void shouldHaveNoSelfFollowsNorDuplicates() {
			long previous = -1;
			for (int i = 0; i < graph.edges(); i++) {
				assertThat(graph.followers()[i]).isNotEqualTo(graph.followees()[i]);
				long edge = FollowGraph.pack(graph.followers()[i], graph.followees()[i]);
				assertThat(edge).isGreaterThan(previous);
				previous = edge;
			}
		}

		@Test
		void shouldSpreadCelebritiesOverTheIdSpace() {
			assertThat(java.util.Arrays.stream(graph.celebrities(10_000)).max().orElse(0)).isGreaterThan(1_000);
		}

	}

	@Test
	void shouldRefuseANonsensicalShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PowerLawGraph(1, 10, 0.8, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new PowerLawGraph(100, 10, 0, 1));
	}

}

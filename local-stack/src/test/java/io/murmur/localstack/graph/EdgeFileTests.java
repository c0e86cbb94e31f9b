package io.murmur.localstack.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.murmur.localstack.graph.EdgeFile.EdgeFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EdgeFileTests {

	@TempDir
	Path dir;

	@Nested
	class WellFormedFiles {

		@Test
		void shouldReadEachLineAsAFriendshipInBothDirections() throws IOException {
			SocialGraph graph = read("1 0\n15 0\n16 1\n");

			assertThat(graph.nodes()).containsExactly(0, 1, 15, 16);
			assertThat(graph.edges()).isEqualTo(3);
			assertThat(graph.follows()).isEqualTo(6);
			assertThat(graph.neighbours(0)).containsExactly(1, 15);
			assertThat(graph.neighbours(1)).containsExactly(0, 16);
			assertThat(graph.degree(16)).isEqualTo(1);
		}

		@Test
		void shouldSkipCommentsAndBlankLines() throws IOException {
			SocialGraph graph = read("% sym unweighted\n# a comment\n\n   \n1 2\n\t3   4  \n% the end\n");

			assertThat(graph.nodes()).containsExactly(1, 2, 3, 4);
			assertThat(graph.edges()).isEqualTo(2);
		}

		@Test
		void shouldAlsoReadIdsSeparatedByACommaAsInCsvFiles() throws IOException {
			SocialGraph graph = read("10,20\n20, 30\n30\t10\n");

			assertThat(graph.nodes()).containsExactly(10, 20, 30);
			assertThat(graph.neighbours(20)).containsExactly(10, 30);
			assertThat(graph.edges()).isEqualTo(3);
		}

		@Test
		void shouldLeaveOutRepeatedPairsInEitherDirectionAndSelfLoops() throws IOException {
			SocialGraph graph = read("1 2\n2 1\n1 2\n3 3\n2 3\n");

			assertThat(graph.edges()).isEqualTo(2);
			assertThat(graph.duplicates()).isEqualTo(2);
			assertThat(graph.selfLoops()).isEqualTo(1);
			assertThat(graph.neighbours(3)).containsExactly(2);
			assertThat(graph.follows()).isEqualTo(4);
		}

		@Test
		void shouldNameTheBestConnectedPersonLowestIdFirst() throws IOException {
			assertThat(read("5 1\n5 2\n7 1\n7 2\n").bestConnected()).isEqualTo(1);
			assertThat(read("5 1\n5 2\n5 3\n7 1\n").bestConnected()).isEqualTo(5);
		}

	}

	@Nested
	class BadFiles {

		@Test
		void shouldNameTheLineWithOneId() {
			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> read("% header\n1 2\n3\n4 5\n"))
				.withMessage(
						"graph.edges line 3: expected two node ids separated by white space or a comma, found '3'");
		}

		@Test
		void shouldNameTheLineWithThreeColumns() {
			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> read("1 2 0.5\n"))
				.withMessageContaining("line 1: expected two node ids");
		}

		@Test
		void shouldNameTheLineWithASeparatorItDoesNotKnow() {
			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> read("0 1\n1;2\n"))
				.withMessage(
						"graph.edges line 2: expected two node ids separated by white space or a comma, found '1;2'");
		}

		@Test
		void shouldNameTheLineWithAnIdThatIsNotANumber() {
			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> read("1 2\n2 x7\n"))
				.withMessage("graph.edges line 2: 'x7' is not a node id (a whole number, 0 or more), found '2 x7'");
		}

		@Test
		void shouldRefuseNegativeIds() {
			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> read("1 -2\n"))
				.withMessageContaining("line 1: '-2' is not a node id");
		}

		@Test
		void shouldRefuseAFileWithoutEdges() {
			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> read("% nothing\n\n"))
				.withMessageContaining("holds no edges");
		}

		@Test
		void shouldSayWhenTheFileIsMissing() {
			Path missing = EdgeFileTests.this.dir.resolve("missing.edges");

			assertThatExceptionOfType(EdgeFileException.class).isThrownBy(() -> EdgeFile.read(missing))
				.withMessage("No edge file at " + missing.toAbsolutePath());
		}

	}

	private SocialGraph read(String content) throws IOException {
		Path file = this.dir.resolve("graph.edges");
		Files.writeString(file, content);
		return EdgeFile.read(file);
	}

}

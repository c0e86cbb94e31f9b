package io.murmur.benchmarks.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Reed98Tests {

	@TempDir
	Path dir;

	@Test
	void shouldFollowBothWaysForEveryFriendship() throws IOException {
		Path file = write("% a comment\n", "10 20\n", "20,30\n", "# another\n", "\n", "30\t10\n");
		FollowGraph graph = Reed98.read(file);
		assertThat(graph.users()).isEqualTo(3);
		assertThat(graph.edges()).isEqualTo(6);
		assertThat(graph.followerCounts()).containsExactly(2, 2, 2);
	}

	@Test
	void shouldDropDuplicateFriendshipsAndSelfLoops() throws IOException {
		Path file = write("1 2\n", "2 1\n", "1 2\n", "3 3\n", "3 1\n");
		FollowGraph graph = Reed98.read(file);
		assertThat(graph.users()).isEqualTo(3);
		assertThat(graph.edges()).isEqualTo(4);
	}

	@Test
	void shouldRenumberIdsDenselyInAscendingOrder() throws IOException {
		Path file = write("1000 5\n", "5 77\n");
		FollowGraph graph = Reed98.read(file);
		assertThat(graph.followers()).containsExactly(0, 0, 1, 2);
		assertThat(graph.followees()).containsExactly(1, 2, 0, 0);
	}

	@Test
	void shouldNameTheLineItCannotRead() throws IOException {
		Path file = write("1 2\n", "3\n");
		assertThatIllegalArgumentException().isThrownBy(() -> Reed98.read(file))
			.withMessageContaining("edges.txt line 2:")
			.withMessageContaining("'3'");
	}

	@Test
	void shouldFindTheDatasetBesideTheRepository() throws IOException {
		Path shared = Files.createDirectories(this.dir.resolve("shared/data/socfb-Reed98"));
		Files.writeString(shared.resolve("socfb-Reed98.edges"), "1 2\n");
		Path repository = Files.createDirectories(this.dir.resolve("work/murmur"));
		assertThat(Reed98.defaultLocation(repository)).contains(shared.resolve("socfb-Reed98.edges"));
		assertThat(Reed98.defaultLocation(Files.createDirectories(this.dir.resolve("elsewhere")).getRoot())).isEmpty();
	}

	@Test
	void shouldReadTheRealDatasetWhenItIsThere() {
		Optional<Path> file = Reed98.defaultLocation(Path.of("").toAbsolutePath());
		assumeTrue(file.isPresent(), "socfb-Reed98 is not beside this checkout");
		FollowGraph graph = Reed98.read(file.get());
		assertThat(graph.users()).isEqualTo(962);
		assertThat(graph.edges()).isEqualTo(2 * 18_812);
	}

	private Path write(String... lines) throws IOException {
		return Files.writeString(this.dir.resolve("edges.txt"), String.join("", lines));
	}

}

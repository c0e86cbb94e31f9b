package io.murmur.localstack.platform.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SeedPasswordTests {

	@TempDir
	Path dir;

	@Test
	void shouldGenerateAPasswordOnceAndKeepItForTheOwnerOnly() throws IOException {
		Path platformDir = this.dir.resolve(".platform");

		String first = SeedPassword.loadOrCreate(platformDir);

		assertThat(first).hasSize(20).matches("[A-Za-z0-9]+");
		Path file = platformDir.resolve("seed.properties");
		assertThat(Files.readString(file)).contains("password=" + first);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(SeedPassword.loadOrCreate(platformDir)).isEqualTo(first);
	}

	@Test
	void shouldGenerateADifferentPasswordForEachPlatformDirectory() {
		assertThat(SeedPassword.loadOrCreate(this.dir.resolve("a")))
			.isNotEqualTo(SeedPassword.loadOrCreate(this.dir.resolve("b")));
	}

	@Test
	void shouldReplaceAFileWithoutAPassword() throws IOException {
		Files.writeString(this.dir.resolve("seed.properties"), "# emptied by hand\n");

		String password = SeedPassword.loadOrCreate(this.dir);

		assertThat(password).hasSize(20);
		assertThat(Files.readString(this.dir.resolve("seed.properties"))).contains("password=" + password);
	}

}
